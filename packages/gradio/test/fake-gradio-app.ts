import type { ServerResponse } from 'node:http';
import { startTestHttpServer, type RecordedRequest, type TestHttpServer } from './test-http-server.js';

/** The data stream of one session, as a script writes it. */
export interface ScriptedStream {
  sessionHash: string;
  request: RecordedRequest;
  /** Writes `data: <JSON>\n\n`. */
  send(message: unknown): void;
  /** Writes bytes as they are. */
  raw(bytes: string | Uint8Array): void;
  /** Ends the response normally. */
  end(): void;
  /** Drops the connection. */
  destroy(): void;
}

export interface FakeGradioAppOptions {
  /** The /config document; default a Gradio 4.36.1 app on sse_v3 without an API prefix. */
  config?: Record<string, unknown>;
  /** The event id the join answers; default `21bade026a6a4768b2ed66ffdcc99396`. */
  eventId?: string;
  /** Answers the join instead of the default 200 `{event_id}`. */
  join?: (request: RecordedRequest, response: ServerResponse) => void;
  /** Answers the data-stream request instead of the default 200 event stream. */
  data?: (request: RecordedRequest, response: ServerResponse) => void;
  /** Writes the data stream; the default ends it at once. */
  stream?: (stream: ScriptedStream) => void | Promise<void>;
}

/** A small Gradio app on loopback: /config, {prefix}/queue/join, {prefix}/queue/data. */
export interface FakeGradioApp extends TestHttpServer {
  configRequests: RecordedRequest[];
  joins: RecordedRequest[];
  streams: RecordedRequest[];
}

export const defaultEventId = '21bade026a6a4768b2ed66ffdcc99396';

export function gradioConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: '4.36.1', protocol: 'sse_v3', mode: 'blocks', dependencies: [{ id: 0, targets: [[11, 'submit']] }], components: [], ...overrides };
}

export async function startFakeGradioApp(options: FakeGradioAppOptions = {}): Promise<FakeGradioApp> {
  const config = options.config ?? gradioConfig();
  const prefix = typeof config.api_prefix === 'string' ? config.api_prefix : '';
  const eventId = options.eventId ?? defaultEventId;
  const app = { configRequests: [] as RecordedRequest[], joins: [] as RecordedRequest[], streams: [] as RecordedRequest[] };
  const server = await startTestHttpServer(async (request, response) => {
    const [path, query = ''] = request.url.split('?');
    if (request.method === 'GET' && path === '/config') {
      app.configRequests.push(request);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(config));
    } else if (request.method === 'POST' && path === `${prefix}/queue/join`) {
      app.joins.push(request);
      if (options.join) return options.join(request, response);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ event_id: eventId }));
    } else if (request.method === 'GET' && path === `${prefix}/queue/data`) {
      app.streams.push(request);
      if (options.data) return options.data(request, response);
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      response.flushHeaders();
      const stream: ScriptedStream = {
        sessionHash: new URLSearchParams(query).get('session_hash') ?? '',
        request,
        send: (message) => void response.write(`data: ${JSON.stringify(message)}\n\n`),
        raw: (bytes) => void response.write(bytes),
        end: () => response.end(),
        destroy: () => response.destroy(),
      };
      if (options.stream) await options.stream(stream);
      else stream.end();
    } else {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"detail":"Not Found"}');
    }
  });
  return Object.assign(server, app);
}

/** Resolves after `ms` milliseconds. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
