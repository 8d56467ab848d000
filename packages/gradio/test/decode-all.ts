import { SseDecoder, type SseDecoderOptions } from '../src/sse-decoder.js';

/** Every event `SseDecoder` finds in `chunks`, end of stream included. */
export function decodeAll(chunks: readonly Uint8Array[], options?: SseDecoderOptions): string[] {
  const decoder = new SseDecoder(options);
  const events: string[] = [];
  for (const chunk of chunks) events.push(...decoder.push(chunk));
  events.push(...decoder.end());
  return events;
}
