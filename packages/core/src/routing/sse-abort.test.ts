import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError } from '../errors/abort-error.js';
import { createRegistry } from '../registry/global-registry.js';
import type { ChatRequest, StreamOptions } from '../spec/chat-request.js';
import type { StreamPart } from '../spec/stream-part.js';
import { ask, testMetadata } from '../testing/index.js';

/** A bound that tells "closed by the abort" from "closed much later", with room for a loaded machine. */
const promptlyMs = 1_000;

interface OpenStream {
  closedAt: Promise<number>;
}

const streams: OpenStream[] = [];
let baseUrl = '';
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (part: StreamPart) => response.write(`data: ${JSON.stringify(part)}\n\n`);
  const queuedOnly = request.url === '/queued';
  send({ type: 'status', stage: 'queued', position: 0 });
  let count = 0;
  const ticker = setInterval(() => {
    count += 1;
    const stillQueued = queuedOnly || count < 3;
    send(stillQueued ? { type: 'status', stage: 'queued', position: 0 } : { type: 'text-delta', text: `word${count} ` });
  }, 10);
  streams.push({ closedAt: closedAt(response, () => clearInterval(ticker)) });
  request.resume();
});

function closedAt(response: ServerResponse, cleanUp: () => void): Promise<number> {
  return once(response, 'close').then(() => {
    cleanUp();
    return performance.now();
  });
}

/**
 * A provider that reads the SSE stream above from `path` with fetch, handing fetch the
 * signal it gets: `/stream` queues briefly and then streams words, `/queued` stays queued.
 */
function sseProviderClass(path: '/stream' | '/queued') {
  return class SseProvider {
    async *createAsyncGenerator(_request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
      const response = await fetch(`${baseUrl}${path}`, { signal: options.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          buffer += decoder.decode(chunk.value, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (event.startsWith('data: ')) yield JSON.parse(event.slice(6)) as StreamPart;
            end = buffer.indexOf('\n\n');
          }
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    }
  };
}

function sseRegistry(path: '/stream' | '/queued' = '/stream') {
  const registry = createRegistry();
  registry.register(sseProviderClass(path), testMetadata({ name: 'Sse' }));
  return registry;
}

describe('closing a real upstream connection', () => {
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  it('closes the socket promptly when the caller aborts', async () => {
    const controller = new AbortController();
    let text = '';
    let abortedAt = 0;
    const failure = await (async () => {
      for await (const part of sseRegistry().stream(ask(), { signal: controller.signal })) {
        if (part.type === 'text-delta') text += part.text;
        if (text.split(' ').length > 2 && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      }
    })().catch((error: unknown) => error);
    expect(AbortError.isInstance(failure)).toBe(true);
    expect((failure as AbortError).partialText).toBe(text);
    expect(performance.now() - abortedAt).toBeLessThan(promptlyMs);
    expect((await streams.at(-1)!.closedAt) - abortedAt).toBeLessThan(promptlyMs);
  });

  it('closes the socket promptly when the consumer breaks out', async () => {
    let stoppedAt = 0;
    for await (const part of sseRegistry().stream(ask())) {
      if (part.type === 'text-delta') {
        stoppedAt = performance.now();
        break;
      }
    }
    expect((await streams.at(-1)!.closedAt) - stoppedAt).toBeLessThan(promptlyMs);
  });

  it('closes the socket promptly when the queue stalls and a timeout fires', async () => {
    const registry = sseRegistry('/queued').configure({ retry: { maxAttempts: 1 }, timeouts: { queueMs: 200 } });
    const failure = await registry.complete(ask()).catch((error: unknown) => error);
    const timedOutAt = performance.now();
    expect(failure).toMatchObject({ code: 'ALL_PROVIDERS_FAILED' });
    expect((failure as Error).message).toContain('queue timeout');
    expect((await streams.at(-1)!.closedAt) - timedOutAt).toBeLessThan(promptlyMs);
  });
});
