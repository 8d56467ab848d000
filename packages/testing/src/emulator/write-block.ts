import type { ServerResponse } from 'node:http';
import { drained } from './sse-response.js';

const sliceBytes = 1024 * 1024;

/**
 * Writes `bytes` in large slices, each as soon as the socket has taken the previous one.
 * Resolves true once everything was handed to the socket, false when the client left first.
 */
export async function writeBlock(response: ServerResponse, bytes: Buffer): Promise<boolean> {
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    if (response.destroyed || response.writableEnded) return false;
    if (!response.write(bytes.subarray(start, start + sliceBytes))) await drained(response);
  }
  return !response.destroyed && !response.writableEnded;
}
