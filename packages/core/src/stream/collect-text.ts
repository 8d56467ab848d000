import type { StreamPart } from '../spec/stream-part.js';

/** Reads a stream to its end and returns the final answer, with revisions applied. */
export async function collectText(parts: AsyncIterable<StreamPart>): Promise<string> {
  let text = '';
  for await (const part of parts) {
    if (part.type === 'text-delta') text += part.text;
    else if (part.type === 'text-revision') text = part.text;
  }
  return text;
}
