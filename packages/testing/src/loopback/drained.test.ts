import type { ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isStillPending } from '../conformance/is-still-pending.js';
import { drained } from './drained.js';
import { listenOnLoopback, type LoopbackServer } from './listen-on-loopback.js';

/** More than the loopback socket buffers of both ends hold, so a client that does not read holds it back. */
const bodyBytes = 32 * 1024 * 1024;

let server: LoopbackServer | undefined;
let client: Socket | undefined;

afterEach(async () => {
  client?.destroy();
  await server?.close();
});

/** A server whose one reply writes more than the sockets take, and a raw client that reads nothing yet. */
async function overfilledReply(): Promise<{ response: ServerResponse; client: Socket; written: boolean }> {
  let replied!: (reply: { response: ServerResponse; written: boolean }) => void;
  const reply = new Promise<{ response: ServerResponse; written: boolean }>((resolve) => (replied = resolve));
  server = await listenOnLoopback((_request, response) => {
    response.writeHead(200, { 'content-length': String(bodyBytes) });
    replied({ response, written: response.write(Buffer.alloc(bodyBytes, 'x')) });
  });
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: loopback\r\n\r\n'));
  socket.pause();
  client = socket;
  return { ...(await reply), client: socket };
}

describe('drained', () => {
  it('stays pending while the client reads nothing, and resolves once it reads again', async () => {
    const { response, client, written } = await overfilledReply();
    expect(written).toBe(false);
    const ready = drained(response);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await isStillPending(ready)).toBe(true);

    let received = 0;
    client.on('data', (chunk: Buffer) => (received += chunk.length));
    client.resume();
    await ready;
    expect(received).toBeGreaterThan(0);
    expect(response.listenerCount('drain')).toBe(0);
  });

  it('resolves when the connection closes before the data drained, leaving no listener behind', async () => {
    const { response, client } = await overfilledReply();
    const closeListeners = response.listenerCount('close');
    const ready = drained(response);
    expect(await isStillPending(ready)).toBe(true);
    client.destroy();
    await ready;
    expect(response.listenerCount('drain')).toBe(0);
    expect(response.listenerCount('close')).toBe(closeListeners);
  });
});
