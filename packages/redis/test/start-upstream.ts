import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How the upstream answers `POST /chat`: text after `delayMs`, a 503, or never. */
export type UpstreamMode = 'answer' | 'fail' | 'hang';

/** A loopback chat upstream that counts what reaches it. */
export interface TestUpstream {
  readonly url: string;
  mode: UpstreamMode;
  delayMs: number;
  /** Requests received. */
  readonly hits: number;
  /** Requests being answered now, and the most at once. */
  readonly open: number;
  readonly peak: number;
  /** The request bodies received, as text. */
  readonly bodies: string[];
  close(): Promise<void>;
}

/** Starts the upstream on 127.0.0.1, port 0. */
export async function startUpstream(mode: UpstreamMode = 'answer'): Promise<TestUpstream> {
  const sockets = new Set<Socket>();
  const bodies: string[] = [];
  let hits = 0;
  let open = 0;
  let peak = 0;
  const upstream = {
    mode,
    delayMs: 0,
    get hits() {
      return hits;
    },
    get open() {
      return open;
    },
    get peak() {
      return peak;
    },
    bodies,
  };
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    hits += 1;
    open += 1;
    peak = Math.max(peak, open);
    response.on('close', () => (open -= 1));
    let body = '';
    for await (const chunk of request) body += String(chunk);
    bodies.push(body);
    if (upstream.mode === 'fail') return void response.writeHead(503).end('busy');
    if (upstream.mode === 'hang') return void response.writeHead(200, { 'content-type': 'text/plain' });
    setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('upstream says hi'), upstream.delayMs);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as { port: number };
  return Object.assign(upstream, {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  });
}
