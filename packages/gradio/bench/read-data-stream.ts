import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { benchSystemPrompt } from './bench-case.js';

/**
 * Joins the queue for `query` on a fresh session, the way a minimal client does, and returns
 * the session's data stream body as undici gives it.
 */
export async function openDataStream(url: string, query: string): Promise<AsyncIterable<Buffer>> {
  const sessionHash = randomBytes(6).toString('hex');
  const join = await request(`${url}/queue/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      data: [query, [], benchSystemPrompt],
      event_data: null,
      fn_index: 0,
      trigger_id: null,
      session_hash: sessionHash,
    }),
  });
  if (join.statusCode !== 200) throw new Error(`join answered ${join.statusCode}: ${await join.body.text()}`);
  await join.body.json();
  const stream = await request(`${url}/queue/data?session_hash=${sessionHash}`, { headers: { accept: 'text/event-stream' } });
  if (stream.statusCode !== 200) throw new Error(`the data stream answered ${stream.statusCode}`);
  return stream.body as AsyncIterable<Buffer>;
}
