import type { ServerResponse } from 'node:http';
import { encodeJson, logMessage, type JsonStyle } from '@switchboard/gradio/wire';
import { drained } from '@switchboard/testing';

const chunkSize = 64 * 1024;

/**
 * Writes one `data:` line of exactly `bytes` bytes (prefix included, terminator excluded): a `log`
 * message padded to that size, so a client without a line limit would just ignore it. Written in
 * chunks with backpressure; stops early when the client leaves.
 */
export async function writeOversizedEvent(
  response: ServerResponse,
  eventId: string,
  bytes: number,
  style: JsonStyle,
): Promise<void> {
  const [head, tail] = encodeJson(logMessage(eventId, '@', 'info'), style).split('"@"');
  const opening = `data: ${head}"`;
  const closing = `"${tail}`;
  let remaining = Math.max(0, bytes - opening.length - closing.length);
  const chunk = 'x'.repeat(Math.min(chunkSize, remaining));
  if (!response.write(opening)) await drained(response);
  while (remaining > 0) {
    if (response.destroyed || response.writableEnded) return;
    const size = Math.min(chunk.length, remaining);
    remaining -= size;
    if (!response.write(size === chunk.length ? chunk : chunk.slice(0, size))) await drained(response);
  }
  if (response.destroyed || response.writableEnded) return;
  response.write(`${closing}\n\n`);
}
