import { request } from 'undici';
import { benchPrompt } from './bench-case.js';

/** Sends the streaming chat request for `model` as a minimal client does and returns the response body as undici gives it. */
export async function openChatBody(baseUrl: string, model: string): Promise<AsyncIterable<Buffer>> {
  const response = await request(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: benchPrompt }], stream: true }),
  });
  if (response.statusCode !== 200) throw new Error(`the upstream answered ${response.statusCode}: ${await response.body.text()}`);
  return response.body as AsyncIterable<Buffer>;
}
