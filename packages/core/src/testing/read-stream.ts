import type { StreamPart } from '../spec/stream-part.js';

/** What `readStream()` read: every part, and the failure that ended the stream, if any. */
export interface ReadResult {
  parts: StreamPart[];
  error?: unknown;
}

/** Reads a stream to its end; a failure is returned next to the parts read before it. */
export async function readStream(stream: AsyncIterable<StreamPart>): Promise<ReadResult> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}
