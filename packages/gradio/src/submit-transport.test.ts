import { AbortError, UpstreamHttpError } from '@switchboard/core';
import { startConnectProxy, type ConnectProxy } from '@switchboard/testing';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSpace } from './connect-space.js';
import { clearSpaceConfigCache } from './space-config-cache.js';
import { collectEvents } from '../test/collect-events.js';
import { defaultEventId, delay, gradioConfig, startFakeGradioApp, type FakeGradioApp, type FakeGradioAppOptions } from '../test/fake-gradio-app.js';
import { completed, estimation, generating, processStarts } from '../test/gradio-messages.js';

const ours = defaultEventId;
const closers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((item) => item.close()));
  clearSpaceConfigCache();
});

async function startApp(options: FakeGradioAppOptions = {}): Promise<FakeGradioApp> {
  const app = await startFakeGradioApp(options);
  closers.push(app);
  return app;
}

const quickAnswer = (stream: { send(message: unknown): void }) => {
  stream.send(estimation(ours));
  stream.send(generating(ours, ['a']));
  stream.send(completed(ours, ['a']));
};

/** A stream that keeps the event waiting in the queue until the client hangs up. */
const waitInQueue = (stream: { send(message: unknown): void }) => stream.send(estimation(ours, 3, 5, 40));

/** A stream that generates one token every 5 ms until the client hangs up. */
const generateForever = async (stream: { send(message: unknown): void; request: { socketClosed: Promise<number> } }) => {
  let open = true;
  void stream.request.socketClosed.then(() => (open = false));
  stream.send(processStarts(ours));
  stream.send(generating(ours, ['']));
  while (open) {
    stream.send(generating(ours, [[['append', [], 'tok ']]]));
    await delay(5);
  }
};

describe('what submit sends', () => {
  it('joins with the documented body and opens the stream of the same session', async () => {
    const app = await startApp({ stream: quickAnswer });
    const space = await connectSpace(app.url);
    await collectEvents(space.submit({ fnIndex: 1, triggerId: 14, data: ['Hi', [['a', 'b']], 'sys'] }));
    const join = app.joins[0]!;
    expect(join.headers['content-type']).toBe('application/json');
    const body = JSON.parse(join.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['data', 'event_data', 'fn_index', 'trigger_id', 'session_hash']);
    expect(body).toMatchObject({ data: ['Hi', [['a', 'b']], 'sys'], event_data: null, fn_index: 1, trigger_id: 14 });
    expect(body.session_hash).toMatch(/^[0-9a-z]{11}$/);
    const stream = app.streams[0]!;
    expect(stream.url).toBe(`/queue/data?session_hash=${String(body.session_hash)}`);
    expect(stream.headers.accept).toBe('text/event-stream');
  });

  it('uses a fresh session hash per submission unless one is given', async () => {
    const app = await startApp({ stream: quickAnswer });
    const space = await connectSpace(app.url);
    for (let index = 0; index < 3; index++) await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    await collectEvents(space.submit({ fnIndex: 0, data: [], sessionHash: 'my-session' }));
    const hashes = app.joins.map((join) => (JSON.parse(join.body) as { session_hash: string }).session_hash);
    expect(new Set(hashes.slice(0, 3)).size).toBe(3);
    expect(hashes[3]).toBe('my-session');
    expect(JSON.parse(app.joins[0]!.body)).toMatchObject({ trigger_id: null });
  });

  it('sends the extra headers and the bearer token on config, join and data requests', async () => {
    const app = await startApp({ stream: quickAnswer });
    const space = await connectSpace(app.url, { hfToken: 'hf_secretToken123', headers: { 'X-Client': 'switchboard', Cookie: 'a=b' } });
    await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(app.requests).toHaveLength(3);
    for (const request of app.requests) {
      expect(request.headers.authorization).toBe('Bearer hf_secretToken123');
      expect(request.headers['x-client']).toBe('switchboard');
      expect(request.headers.cookie).toBe('a=b');
    }
  });

  it('keeps the token out of error messages, even when the server echoes it', async () => {
    const token = 'hf_secretToken123';
    const app = await startApp({
      join: (request, response) => {
        response.writeHead(500);
        response.end(`bad request with headers ${JSON.stringify(request.headers)}`);
      },
    });
    const space = await connectSpace(`${app.url}/?token=${token}`, { hfToken: token });
    const { error } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(UpstreamHttpError.isInstance(error)).toBe(true);
    const http = error as UpstreamHttpError;
    expect(http.bodyExcerpt).toContain('authorization');
    for (const text of [http.message, http.bodyExcerpt, http.url ?? '', JSON.stringify(http), String(http.stack)]) {
      expect(text).not.toContain(token);
    }
  });
});

describe('abort and early exit close the connection', () => {
  it('aborts while queued: AbortError, and the server sees the socket close at once', async () => {
    const app = await startApp({ stream: waitInQueue });
    const space = await connectSpace(app.url);
    const controller = new AbortController();
    const events: string[] = [];
    let abortedAt = 0;
    const run = (async () => {
      for await (const event of space.submit({ fnIndex: 0, data: [], signal: controller.signal })) {
        events.push(event.type);
        abortedAt = performance.now();
        controller.abort(new Error('user pressed stop'));
      }
    })();
    const error = await run.then(() => undefined, (caught: unknown) => caught);
    expect(events).toEqual(['queued']);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).reason).toEqual(new Error('user pressed stop'));
    const closedAt = await app.streams[0]!.socketClosed;
    expect(closedAt - abortedAt).toBeLessThan(1_000);
  });

  it('aborts during generation: AbortError with the partial output, socket closed at once', async () => {
    const app = await startApp({ stream: generateForever });
    const space = await connectSpace(app.url);
    const controller = new AbortController();
    let outputs = 0;
    let abortedAt = 0;
    const error = await (async () => {
      for await (const event of space.submit({ fnIndex: 0, data: [], signal: controller.signal })) {
        if (event.type === 'output' && ++outputs === 4) {
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, 20);
        }
      }
    })().then(() => undefined, (caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).partialOutput?.[0]).toMatch(/^(tok )+$/);
    const closedAt = await app.streams[0]!.socketClosed;
    expect(closedAt - abortedAt).toBeLessThan(1_000);
  });

  it('aborts while the join is pending and closes that connection', async () => {
    const app = await startApp({ join: () => undefined });
    const space = await connectSpace(app.url);
    const controller = new AbortController();
    const run = collectEvents(space.submit({ fnIndex: 0, data: [], signal: controller.signal }));
    while (app.joins.length === 0) await delay(2);
    const abortedAt = performance.now();
    controller.abort();
    const { error } = await run;
    expect(AbortError.isInstance(error)).toBe(true);
    expect((await app.joins[0]!.socketClosed) - abortedAt).toBeLessThan(1_000);
    expect(app.streams).toHaveLength(0);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const app = await startApp({ stream: quickAnswer });
    const space = await connectSpace(app.url);
    const { error } = await collectEvents(space.submit({ fnIndex: 0, data: [], signal: AbortSignal.abort() }));
    expect(AbortError.isInstance(error)).toBe(true);
    expect(app.joins).toHaveLength(0);
  });

  it('closes the connection when the consumer breaks out of the loop', async () => {
    const app = await startApp({ stream: generateForever });
    const space = await connectSpace(app.url);
    let outputs = 0;
    let leftAt = 0;
    for await (const event of space.submit({ fnIndex: 0, data: [] })) {
      if (event.type === 'output' && ++outputs === 3) {
        leftAt = performance.now();
        break;
      }
    }
    const closedAt = await app.streams[0]!.socketClosed;
    expect(closedAt - leftAt).toBeLessThan(1_000);
  });

  it('aborts the /config discovery with options.signal', async () => {
    const { startTestHttpServer } = await import('../test/test-http-server.js');
    const server = await startTestHttpServer(() => undefined);
    closers.push(server);
    const controller = new AbortController();
    const connecting = connectSpace(server.url, { signal: controller.signal });
    while (server.requests.length === 0) await delay(2);
    controller.abort();
    await expect(connecting).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
    await server.requests[0]!.socketClosed;
  });
});

describe('proxy and dispatcher', () => {
  it('sends every request through the proxy and closes its agent on close()', async () => {
    const app = await startApp({ stream: quickAnswer, config: gradioConfig({ version: '5.10.0', api_prefix: '/gradio_api' }) });
    const proxy: ConnectProxy = await startConnectProxy();
    closers.push(proxy);
    const space = await connectSpace(app.url, { proxy: proxy.url });
    const { events } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(events.at(-1)!.type).toBe('completed');
    const target = app.url.replace('http://', '');
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([target]));
    expect(app.requests.map((request) => request.url.split('?')[0])).toEqual(['/config', '/gradio_api/queue/join', '/gradio_api/queue/data']);
    await space.close();
    expect(() => space.submit({ fnIndex: 0, data: [] })).toThrow(/closed/);
  });

  it('prefers an injected dispatcher over the proxy and leaves it open', async () => {
    const app = await startApp({ stream: quickAnswer });
    const proxy = await startConnectProxy();
    closers.push(proxy);
    const agent = new Agent();
    closers.push(agent);
    const space = await connectSpace(app.url, { proxy: proxy.url, dispatcher: agent });
    await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    await space.close();
    expect(proxy.tunnels).toEqual([]);
    expect(app.requests).toHaveLength(3);
    expect(agent.closed).toBe(false);
  });
});
