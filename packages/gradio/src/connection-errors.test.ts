import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ConnectionError, StreamTruncatedError, type SwitchboardError } from '@switchboard/core';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSpace } from './connect-space.js';
import { clearSpaceConfigCache } from './space-config-cache.js';
import { collectEvents } from '../test/collect-events.js';
import { defaultEventId, startFakeGradioApp, type FakeGradioAppOptions } from '../test/fake-gradio-app.js';
import { estimation } from '../test/gradio-messages.js';
import { startTestHttpServer } from '../test/test-http-server.js';

const closers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((item) => item.close()));
  clearSpaceConfigCache();
});

/** A loopback port that nothing listens on: bound by a server that is closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

async function startApp(options: FakeGradioAppOptions) {
  const app = await startFakeGradioApp(options);
  closers.push(app);
  return app;
}

async function submitError(options: FakeGradioAppOptions, dispatcher?: Agent) {
  const app = await startApp(options);
  const space = await connectSpace(app.url, { dispatcher });
  const { events, error } = await collectEvents(space.submit({ fnIndex: 0, data: ['q'] }));
  return { app, events, error };
}

function expectConnectionError(error: unknown, networkCode: string | readonly string[]): ConnectionError {
  expect(ConnectionError.isInstance(error), String(error)).toBe(true);
  const connection = error as ConnectionError;
  expect(connection.code).toBe('CONNECTION');
  expect(connection.retryable).toBe(true);
  expect(typeof networkCode === 'string' ? [networkCode] : networkCode).toContain(connection.networkCode);
  expect(connection.message).toContain(`(${connection.networkCode})`);
  return connection;
}

/** Closes the socket without a byte of response: the client reads end of file (`UND_ERR_SOCKET`). */
const hangUp = (socket: Socket): void => void socket.destroy();
/** Closes the socket with a TCP reset: the client reads `ECONNRESET`. */
const reset = (socket: Socket): void => void socket.resetAndDestroy();

describe('the /config discovery when the server cannot be reached', () => {
  it('a refused connection is a retryable ConnectionError with ECONNREFUSED and the config URL', async () => {
    const root = `http://127.0.0.1:${await closedPort()}`;
    const error: unknown = await connectSpace(root).catch((caught: unknown) => caught);
    const refused = expectConnectionError(error, 'ECONNREFUSED');
    expect(refused.url).toBe(`${root}/config`);
    expect(refused.message).toMatch(/check the URL and that the server is running/);
  });

  it('a host name that does not resolve is a retryable ConnectionError with ENOTFOUND or EAI_AGAIN', async () => {
    const error: unknown = await connectSpace('http://no-such-space.invalid/').catch((caught: unknown) => caught);
    const unresolved = expectConnectionError(error, ['ENOTFOUND', 'EAI_AGAIN']);
    expect(unresolved.url).toBe('http://no-such-space.invalid/config');
    expect(unresolved.message).toMatch(/did not resolve/);
  });

  it('a config request hung up before any byte of the answer is a ConnectionError', async () => {
    const server = await startTestHttpServer((_request, response) => hangUp(response.socket!));
    closers.push(server);
    const error: unknown = await connectSpace(server.url).catch((caught: unknown) => caught);
    expect(expectConnectionError(error, 'UND_ERR_SOCKET').url).toBe(`${server.url}/config`);
    expect(server.requests.map((request) => request.url)).toEqual(['/config']);
  });
});

describe('queue/join and the data stream when the connection breaks before any byte', () => {
  it('a join whose socket is closed is a ConnectionError, and no data stream is opened', async () => {
    const { app, events, error } = await submitError({ join: (_request, response) => hangUp(response.socket!) });
    const broken = expectConnectionError(error, 'UND_ERR_SOCKET');
    expect(broken.url).toBe(`${app.url}/queue/join`);
    expect(broken.partialOutput).toBeUndefined();
    expect(events).toEqual([]);
    expect(app.joins).toHaveLength(1);
    expect(app.streams).toHaveLength(0);
  });

  it('a join whose socket is reset is a ConnectionError with ECONNRESET', async () => {
    const { app, error } = await submitError({ join: (_request, response) => reset(response.socket!) });
    expect(expectConnectionError(error, 'ECONNRESET').url).toBe(`${app.url}/queue/join`);
  });

  it('a data stream closed before its status line is a ConnectionError naming the stream', async () => {
    const { app, events, error } = await submitError({ data: (_request, response) => hangUp(response.socket!) });
    const broken = expectConnectionError(error, 'UND_ERR_SOCKET');
    expect(broken.url).toBe(`${app.url}/queue/data`);
    expect(events).toEqual([]);
    expect(app.streams).toHaveLength(1);
  });

  it('a data stream reset after its headers but before any event byte is a ConnectionError too', async () => {
    const { app, error } = await submitError({
      data: (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.flushHeaders();
        setTimeout(() => reset(response.socket!), 10);
      },
    });
    expect(expectConnectionError(error, 'ECONNRESET').url).toBe(`${app.url}/queue/data`);
  });

  it('a data stream that breaks after its first event is a truncated stream, not a connection failure', async () => {
    const { app, events, error } = await submitError({
      stream: (stream) => {
        stream.send(estimation(defaultEventId));
        setTimeout(() => stream.destroy(), 10);
      },
    });
    expect(events.map((event) => event.type)).toEqual(['queued']);
    expect(ConnectionError.isInstance(error)).toBe(false);
    expect(StreamTruncatedError.isInstance(error), String(error)).toBe(true);
    const truncated = error as SwitchboardError;
    expect(truncated).toMatchObject({ code: 'STREAM_TRUNCATED', retryable: true, url: `${app.url}/queue/data` });
    expect(truncated.message).toContain('UND_ERR_SOCKET');
  });

  it('a join that gets no answer within the headers timeout is a retryable ConnectionError', async () => {
    const agent = new Agent({ headersTimeout: 100 });
    closers.push(agent);
    const { app, error } = await submitError({ join: () => undefined }, agent);
    const timedOut = expectConnectionError(error, 'UND_ERR_HEADERS_TIMEOUT');
    expect(timedOut.url).toBe(`${app.url}/queue/join`);
    expect(timedOut.message).toMatch(/did not answer in time/);
  });
});
