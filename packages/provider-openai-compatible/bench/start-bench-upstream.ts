import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RenderedStream } from './render-chat-stream.js';
import { writeBlock } from './write-block.js';

/** The bench's OpenAI-compatible upstream on loopback. */
export interface BenchUpstream {
  /** API base URL, e.g. `http://127.0.0.1:40123/v1`. */
  baseUrl: string;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<{ model?: unknown; stream?: unknown } | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model?: unknown; stream?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * Starts a server on 127.0.0.1 whose `POST /v1/chat/completions` answers a streaming request
 * for a model in `streams` with that stream's pre-rendered bytes, written at full speed: the
 * bench measures its readers, not the server. Anything else is an OpenAI-style error.
 */
export async function startBenchUpstream(streams: ReadonlyMap<string, RenderedStream>): Promise<BenchUpstream> {
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      return sendJson(response, 404, { error: { message: `no route ${request.method} ${request.url}`, type: 'invalid_request_error' } });
    }
    void readJson(request).then((body) => {
      const stream = typeof body?.model === 'string' ? streams.get(body.model) : undefined;
      if (stream === undefined || body?.stream !== true) {
        return sendJson(response, 400, { error: { message: 'the bench serves streamed answers of its own models only', type: 'invalid_request_error' } });
      }
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      void writeBlock(response, stream.body).then((written) => written && response.end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
