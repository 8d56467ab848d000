import type { Socket } from 'node:net';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackHandler, type LoopbackServer, type LoopbackServerOptions } from './listen-on-loopback.js';

const agent = new Agent();
const servers: LoopbackServer[] = [];

async function listen(handle: LoopbackHandler, options?: LoopbackServerOptions): Promise<LoopbackServer> {
  const server = await listenOnLoopback(handle, options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => agent.destroy());

describe('listenOnLoopback', () => {
  it('answers every request with the handler on 127.0.0.1 at a free port', async () => {
    const server = await listen((request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`${request.method} ${request.url}`);
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    const response = await fetch(`${server.url}/items?page=2`, { method: 'DELETE', dispatcher: agent });
    expect([response.status, await response.text()]).toEqual([200, 'DELETE /items?page=2']);
  });

  it('answers 500 Internal Server Error when the handler rejects or throws before sending headers', async () => {
    const server = await listen(async (request) => {
      if (request.url === '/rejects') throw new Error('rejected');
    });
    const throwing = await listen(() => {
      throw new Error('thrown');
    });
    for (const url of [`${server.url}/rejects`, `${throwing.url}/throws`]) {
      const response = await fetch(url, { dispatcher: agent });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe('Internal Server Error');
    }
  });

  it('on close, runs onClose once before destroying the connections it still serves, then stops listening', async () => {
    const seenByOnClose: boolean[] = [];
    let socket: Socket | undefined;
    const server = await listen(
      (_request, response) => {
        socket = response.socket!;
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('partial');
      },
      { onClose: () => seenByOnClose.push(socket!.destroyed) },
    );
    const response = await fetch(server.url, { dispatcher: agent });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('partial');

    const closed = server.close();
    expect(server.close()).toBe(closed);
    await closed;
    expect(seenByOnClose).toEqual([false]);
    expect(socket!.destroyed).toBe(true);
    await expect(reader.read()).rejects.toThrow();
    await expect(fetch(server.url, { dispatcher: agent })).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });
});
