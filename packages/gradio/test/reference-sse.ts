import { createParser } from 'eventsource-parser';

/**
 * The data of every event eventsource-parser finds in `chunks`, decoded with a streaming
 * TextDecoder. eventsource-parser waits after a CR for a possible LF, so a CR that ends the
 * stream never completes its line; with `finalCarriageReturnEndsLine` such a CR is treated
 * as the line ending the SSE specification says it is.
 */
export function referenceSseEvents(chunks: readonly Uint8Array[], finalCarriageReturnEndsLine = true): string[] {
  const events: string[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event.data) });
  const decoder = new TextDecoder();
  let lastByte = -1;
  for (const chunk of chunks) {
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
    parser.feed(decoder.decode(chunk, { stream: true }));
  }
  parser.feed(decoder.decode());
  if (finalCarriageReturnEndsLine && lastByte === 0x0d) parser.feed('\n');
  return events;
}
