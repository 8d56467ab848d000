import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchSpaceConfig, benchSpaceInfo } from './bench-space-config.js';
import type { RenderedEvent } from './render-answer-event.js';
import { writeBlock } from './write-block.js';

/** The bench's Gradio server on loopback. */
export interface BenchSpace {
  url: string;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Starts a Gradio 4.36 server on 127.0.0.1 that answers each query in `events` (by the query
 * text) with the event rendered for it, written at full speed: the bench measures its readers,
 * not the server. A join names the event; the session's data stream then carries its bytes.
 */
export async function startBenchSpace(events: ReadonlyMap<string, RenderedEvent>): Promise<BenchSpace> {
  const sessions = new Map<string, RenderedEvent>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench.invalid');
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /config') return sendJson(response, 200, benchSpaceConfig(`http://${request.headers.host ?? '127.0.0.1'}`));
    if (route === 'GET /info') return sendJson(response, 200, benchSpaceInfo());
    if (route === 'POST /queue/join') {
      void readJson(request).then((join) => {
        const data = join?.data;
        const event = Array.isArray(data) && typeof data[0] === 'string' ? events.get(data[0]) : undefined;
        if (event === undefined || typeof join?.session_hash !== 'string') return sendJson(response, 422, { detail: 'no rendered answer for this join' });
        sessions.set(join.session_hash, event);
        sendJson(response, 200, { event_id: event.eventId });
      });
      return;
    }
    const event = route === 'GET /queue/data' ? sessions.get(url.searchParams.get('session_hash') ?? '') : undefined;
    if (event === undefined) return sendJson(response, 404, { detail: 'Not Found' });
    sessions.delete(url.searchParams.get('session_hash') ?? '');
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    void writeBlock(response, event.body).then((written) => written && response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
