import type { ServerResponse } from 'node:http';

/** A complete HTTP answer. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function textReply(status: number, text: string, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: text };
}

export function sendReply(response: ServerResponse, reply: HttpReply): void {
  response.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
  response.end(reply.body);
}
