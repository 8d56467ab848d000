import type { ServerResponse } from 'node:http';

/** A whole HTTP answer, sent at once. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON answer. */
export function jsonReply(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): HttpReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** Sends a whole answer with its length. */
export function sendReply(response: ServerResponse, reply: HttpReply): void {
  response.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  response.end(reply.body);
}
