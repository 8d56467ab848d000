import type { StreamPart } from '../spec/stream-part.js';
import { applyTextPart } from './apply-text-part.js';

/** Reads a stream to its end and returns the final answer, with revisions applied. */
export async function collectText(parts: AsyncIterable<StreamPart>): Promise<string> {
  let text = '';
  for await (const part of parts) text = applyTextPart(text, part);
  return text;
}
