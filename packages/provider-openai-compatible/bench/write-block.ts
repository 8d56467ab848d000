import { once } from 'node:events';
import type { ServerResponse } from 'node:http';

const sliceBytes = 256 * 1024;

/**
 * Writes `bytes` in slices, each as soon as the socket took the previous one, so that the
 * server never limits the reader. Resolves false when the client left first.
 */
export async function writeBlock(response: ServerResponse, bytes: Buffer): Promise<boolean> {
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    if (response.destroyed || response.writableEnded) return false;
    if (!response.write(bytes.subarray(start, start + sliceBytes))) {
      const waiting = new AbortController();
      const { signal } = waiting;
      await Promise.race([once(response, 'drain', { signal }), once(response, 'close', { signal })]).finally(() => waiting.abort());
    }
  }
  return !response.destroyed && !response.writableEnded;
}
