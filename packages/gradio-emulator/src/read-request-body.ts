import type { IncomingMessage } from 'node:http';

/** A request body: its text, and its JSON value when it parses. */
export type RequestBody = { text: string; isJson: true; value: unknown } | { text: string; isJson: false };

export async function readRequestBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { text, isJson: true, value: JSON.parse(text) as unknown };
  } catch {
    return { text, isJson: false };
  }
}
