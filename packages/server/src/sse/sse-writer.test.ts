import { createServer, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { burstFlushIntervalMs, SseWriter } from './sse-writer.js';

/** A loopback server whose one response is handed to the test, read by a raw socket that keeps every read apart. */
async function openResponse() {
  let handOver: (response: ServerResponse) => void = () => undefined;
  const responded = new Promise<ServerResponse>((resolve) => (handOver = resolve));
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.flushHeaders();
    handOver(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket: Socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  openSockets.push(socket);
  const reads: string[] = [];
  socket.setEncoding('utf8').on('data', (text: string) => reads.push(text));
  socket.write('GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  const response = await responded;
  await vi.waitFor(() => expect(reads.join('')).toContain('\r\n\r\n'));
  reads.length = 0;
  const close = async () => {
    socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  cleanups.push(close);
  return { response, reads, body: () => reads.join('') };
}

/** Counts the writes the socket hands to the operating system from now on. */
function countSocketWrites(socket: Socket): () => number {
  const writable = socket as unknown as Record<'_write' | '_writev', (...args: unknown[]) => unknown>;
  const spies = [vi.spyOn(writable, '_write'), vi.spyOn(writable, '_writev')];
  return () => spies.reduce((total, spy) => total + spy.mock.calls.length, 0);
}

const cleanups: (() => Promise<void>)[] = [];
const openSockets: Socket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(cleanups.splice(0).map((close) => close()));
  openSockets.length = 0;
});

describe('SseWriter', () => {
  it('sends the events of one event-loop turn in one socket write, across ticks and microtasks', async () => {
    const { response, body } = await openResponse();
    const socketWrites = countSocketWrites(response.socket!);
    const writer = new SseWriter(response, 0);
    expect(writer.dataJson('{"n":1}')).toBeUndefined();
    process.nextTick(() => writer.dataJson('{"n":2}'));
    void Promise.resolve().then(() => writer.comment('three\nlines\r\nhere'));
    await vi.waitFor(() => expect(body()).toContain(': three lines here\n\n'));
    expect(socketWrites()).toBe(1);
    expect(body()).toMatch(/data: \{"n":1\}\n\n.*data: \{"n":2\}\n\n/s);
    await new Promise((resolve) => setImmediate(resolve));
    writer.done();
    await vi.waitFor(() => expect(body()).toContain('data: [DONE]\n\n'));
    expect(socketWrites()).toBe(2);
    writer.end();
    expect(writer.open).toBe(false);
    expect(writer.data({ late: true })).toBeUndefined();
  });

  it('gathers the data events of a burst once its first ones left, and sends the first event after a pause at once', async () => {
    const { response, body } = await openResponse();
    const socketWrites = countSocketWrites(response.socket!);
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const writer = new SseWriter(response, 0);
    writer.comment('queued');
    await nextTurn();
    now += burstFlushIntervalMs / 4;
    writer.dataJson('"role"');
    writer.dataJson('"first"');
    await nextTurn();
    expect(socketWrites()).toBe(2);
    now += burstFlushIntervalMs / 4;
    writer.dataJson('"second"');
    writer.dataJson('"third"');
    await nextTurn();
    expect(socketWrites()).toBe(2);
    await vi.waitFor(() => expect(socketWrites()).toBe(3));
    now += burstFlushIntervalMs * 5;
    writer.dataJson('"after a pause"');
    await nextTurn();
    expect(socketWrites()).toBe(4);
    await vi.waitFor(() => expect(body()).toContain('data: "after a pause"\n\n'));
    expect(body().match(/^data: .*$/gm)).toEqual(['data: "role"', 'data: "first"', 'data: "second"', 'data: "third"', 'data: "after a pause"']);
    writer.end();
  });

  it('returns a promise while the client reads too slowly, resolved once the socket drained', async () => {
    const { response, reads, body } = await openResponse();
    const client = response.socket!;
    const reader = openSockets.at(-1)!;
    reader.pause();
    const writer = new SseWriter(response, 0);
    const event = JSON.stringify('x'.repeat(64 * 1024));
    const settlesWithin = (promise: Promise<void>, ms: number) =>
      Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
    let written = 0;
    let pending: Promise<void> | undefined;
    while (pending === undefined) {
      const write = writer.dataJson(event);
      written++;
      if (write !== undefined && !(await settlesWithin(write, 100))) pending = write;
      if (written > 2_000) throw new Error('the socket never filled up');
    }
    expect(client.writableLength).toBeGreaterThan(0);
    expect(writer.comment('still full')).toBe(pending);
    reader.resume();
    await pending;
    writer.end();
    await vi.waitFor(() => expect(body()).toContain(': still full\n\n'), { timeout: 10_000 });
    expect(body().split('data: ').length - 1).toBe(written);
    expect(reads.length).toBeGreaterThan(1);
  });

  it('sends a keep-alive comment only after keepAliveMs without output, and again after each quiet period', async () => {
    const { response, body } = await openResponse();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const writer = new SseWriter(response, 1_000);
    vi.advanceTimersByTime(600);
    writer.data({ step: 1 });
    vi.advanceTimersByTime(900);
    await vi.waitFor(() => expect(body()).toContain('{"step":1}'));
    expect(body()).not.toContain('keep-alive');
    vi.advanceTimersByTime(100);
    await vi.waitFor(() => expect(body()).toContain(': keep-alive\n\n'));
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(() => expect(body().split(': keep-alive').length - 1).toBe(2));
    writer.end();
    vi.advanceTimersByTime(5_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
