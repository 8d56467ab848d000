import { afterEach, describe, expect, it } from 'vitest';
import { connectSpace } from './connect-space.js';
import type { GradioEvent, GradioOutputEvent } from './gradio-event.js';
import { collectEvents, textFromEdits } from '../test/collect-events.js';
import { defaultEventId, delay, gradioConfig, startFakeGradioApp, type FakeGradioApp, type FakeGradioAppOptions } from '../test/fake-gradio-app.js';
import { cancelled, completed, estimation, generating, heartbeat, processStarts } from '../test/gradio-messages.js';
import { pythonJsonDumps, sseBody } from './wire/index.js';
import { qwenExampleBody, qwenExampleConfig, qwenExampleEventId } from '../test/qwen-example.js';
import { randomSplit, seededRandom } from '../test/seeded-random.js';

const apps: FakeGradioApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function startApp(options: FakeGradioAppOptions): Promise<FakeGradioApp> {
  const app = await startFakeGradioApp(options);
  apps.push(app);
  return app;
}

const answerOf = (chatbot: unknown) => (chatbot as [string, string][])[0]![1];
const ours = defaultEventId;
const theirs = 'ffffffffffffffffffffffffffffffff';

describe('submit on the Qwen2-72B example stream (protocol §8)', () => {
  it('turns the exact bytes into queued, started, outputs and the final answer', async () => {
    const app = await startApp({
      config: qwenExampleConfig,
      eventId: qwenExampleEventId,
      stream: (stream) => {
        stream.raw(qwenExampleBody);
        stream.end();
      },
    });
    const space = await connectSpace(app.url);
    const { events, error } = await collectEvents(
      space.submit({ fnIndex: 0, triggerId: 11, data: ['Hi', [], 'You are a helpful assistant.'] }),
    );
    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['queued', 'started', ...Array(7).fill('output'), 'completed']);
    expect(events[0]).toEqual({ type: 'queued', rank: 0, queueSize: 1, etaSeconds: 12.53361940383911 });
    expect(events[1]).toEqual({ type: 'started', etaSeconds: 12.53361940383911 });
    const outputs = events.filter((event): event is GradioOutputEvent => event.type === 'output');
    expect(outputs[0]!.edits).toBeNull();
    expect(outputs[1]!.edits).toEqual([[], [['append', [0, 1], '!']], []]);
    expect(outputs.map((output) => answerOf(output.values[1]))).toEqual([
      'Hello',
      'Hello!',
      'Hello! How',
      'Hello! How can I',
      'Hello! How can I help you',
      'Hello! How can I help you today',
      'Hello! How can I help you today?',
    ]);
    expect(textFromEdits(events, 1, answerOf, [0, 1])).toBe('Hello! How can I help you today?');
    const last = events.at(-1)!;
    expect(last).toEqual({
      type: 'completed',
      cancelled: false,
      values: ['', [['Hi', 'Hello! How can I help you today?']], 'You are a helpful assistant.'],
    });
  });

  it('gives the same events when the body arrives in small random pieces', async () => {
    const body = new TextEncoder().encode(qwenExampleBody);
    const app = await startApp({
      config: qwenExampleConfig,
      eventId: qwenExampleEventId,
      stream: async (stream) => {
        for (const piece of randomSplit(body, seededRandom(11), 40)) {
          stream.raw(piece);
          await delay(0);
        }
        stream.end();
      },
    });
    const space = await connectSpace(app.url);
    const { events, error } = await collectEvents(space.submit({ fnIndex: 0, data: ['Hi', [], 'You are a helpful assistant.'] }));
    expect(error).toBeUndefined();
    expect(events).toHaveLength(10);
    expect(textFromEdits(events, 1, answerOf, [0, 1])).toBe('Hello! How can I help you today?');
  });

  it('closes the stream as soon as its completion arrives, without waiting for close_stream', async () => {
    const withoutClose = qwenExampleBody.slice(0, qwenExampleBody.lastIndexOf('data: {"msg":"close_stream"}'));
    const app = await startApp({
      config: qwenExampleConfig,
      eventId: qwenExampleEventId,
      stream: (stream) => stream.raw(withoutClose),
    });
    const space = await connectSpace(app.url);
    const events = space.submit({ fnIndex: 0, data: ['Hi', [], 'sys'] });
    let next = await events.next();
    while (!next.done && next.value.type !== 'completed') next = await events.next();
    const completedAt = performance.now();
    const closedAt = await app.streams[0]!.socketClosed;
    expect(closedAt - completedAt).toBeLessThan(1_000);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });
});

describe('submit follows only its own event', () => {
  it('ignores other events, unknown and advisory messages, and surfaces heartbeats', async () => {
    const app = await startApp({
      stream: (stream) => {
        stream.send(estimation(theirs, 0, 2));
        stream.send(estimation(ours, 1, 2, 3));
        stream.send(heartbeat());
        stream.send(processStarts(theirs));
        stream.send(generating(theirs, ['not ours']));
        stream.send({ msg: 'log', event_id: ours, log: 'careful', level: 'error' });
        stream.send({ msg: 'progress', event_id: ours, progress_data: [{ index: 1, length: 2, unit: 'steps', progress: null, desc: null }] });
        stream.send({ msg: 'brand_new_type', event_id: ours, output: { data: ['bogus'] } });
        stream.send({ msg: 'process_streaming', event_id: ours, output: { data: ['bogus'] } });
        stream.send(processStarts(ours));
        stream.send(generating(ours, ['a']));
        stream.send(generating(theirs, [[['append', [], ' theirs']]]));
        stream.send(completed(theirs, ['theirs done']));
        stream.send(heartbeat());
        stream.send(generating(ours, [[['append', [], 'b']]]));
        stream.send(completed(ours, ['ab']));
        stream.send(generating(ours, [[['append', [], 'late']]]));
        stream.end();
      },
    });
    const space = await connectSpace(app.url);
    const { events, error } = await collectEvents(space.submit({ fnIndex: 0, data: ['x'] }));
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'queued', rank: 1, queueSize: 2, etaSeconds: 3 },
      { type: 'heartbeat' },
      { type: 'started', etaSeconds: 2.5 },
      { type: 'output', values: ['a'], isGenerating: true, edits: null },
      { type: 'heartbeat' },
      { type: 'output', values: ['ab'], isGenerating: true, edits: [[['append', [], 'b']]] },
      { type: 'completed', values: ['ab'], cancelled: false },
    ]);
  });

  it('reports a completion without data as cancelled, keeping the last values', async () => {
    const app = await startApp({
      stream: (stream) => {
        stream.send(generating(ours, ['partial']));
        stream.send(cancelled(ours));
      },
    });
    const space = await connectSpace(app.url);
    const { events } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(events.at(-1)).toEqual({ type: 'completed', values: ['partial'], cancelled: true });
  });

  it('handles a function that completes without generating', async () => {
    const app = await startApp({
      stream: (stream) => {
        stream.send(estimation(ours));
        stream.send(processStarts(ours, null));
        stream.send(completed(ours, [42, null]));
      },
    });
    const space = await connectSpace(app.url);
    const { events } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(events).toEqual([
      { type: 'queued', rank: 0, queueSize: 1, etaSeconds: 1.5 },
      { type: 'started', etaSeconds: null },
      { type: 'completed', values: [42, null], cancelled: false },
    ]);
  });
});

describe('submit across protocol generations', () => {
  const chatDiffs = (eventId: string) => [
    generating(eventId, ['', [['Hi', null]]]),
    generating(eventId, [[], [['replace', [0, 1], 'Hel']]]),
    generating(eventId, [[], [['append', [0, 1], 'lo']]]),
    generating(eventId, [[['replace', [], 'cleared']], [['add', [1], ['Again', 'Sure']]]]),
    completed(eventId, ['cleared', [['Hi', 'Hello'], ['Again', 'Sure']]]),
  ];
  const expectedValues = [
    ['', [['Hi', null]]],
    ['', [['Hi', 'Hel']]],
    ['', [['Hi', 'Hello']]],
    ['cleared', [['Hi', 'Hello'], ['Again', 'Sure']]],
  ];

  for (const protocol of ['sse_v2', 'sse_v2.1', 'sse_v3']) {
    it(`applies diffs after the first output on ${protocol}, in place`, async () => {
      const app = await startApp({
        config: gradioConfig({ protocol, version: protocol === 'sse_v3' ? '4.36.1' : '4.20.0' }),
        stream: (stream) => chatDiffs(ours).forEach((message) => stream.send(message)),
      });
      const space = await connectSpace(app.url);
      const seen: unknown[][] = [];
      const arrays = new Set<unknown>();
      for await (const event of space.submit({ fnIndex: 0, data: [] })) {
        if (event.type === 'output') {
          seen.push(structuredClone(event.values));
          arrays.add(event.values);
        }
      }
      expect(seen).toEqual(expectedValues);
      expect(arrays.size).toBe(1);
    });
  }

  it('uses full values in every output on sse_v1 and stops at the completion', async () => {
    const app = await startApp({
      config: gradioConfig({ protocol: 'sse_v1', version: '4.16.0' }),
      stream: (stream) => {
        stream.send(generating(ours, ['', [['Hi', 'Hel']]]));
        stream.send(generating(ours, ['', [['Hi', 'Hello']]]));
        const last = generating(ours, ['', [['Hi', 'Hello']]]);
        stream.send({ ...last, msg: 'process_completed' });
        stream.end();
      },
    });
    const space = await connectSpace(app.url);
    expect(space.config.usesDiffs).toBe(false);
    const { events, error } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'output', values: ['', [['Hi', 'Hel']]], isGenerating: true, edits: null },
      { type: 'output', values: ['', [['Hi', 'Hello']]], isGenerating: true, edits: null },
      { type: 'completed', values: ['', [['Hi', 'Hello']]], cancelled: false },
    ]);
  });

  it('asks for simple_format and then takes every output as full values', async () => {
    const app = await startApp({
      stream: (stream) => {
        stream.send(generating(ours, ['a']));
        stream.send(generating(ours, [['not', 'a', 'diff']]));
        stream.send(completed(ours, [['not', 'a', 'diff']]));
      },
    });
    const space = await connectSpace(app.url);
    const { events } = await collectEvents(space.submit({ fnIndex: 0, data: [], simpleFormat: true }));
    expect(JSON.parse(app.joins[0]!.body)).toMatchObject({ simple_format: true });
    expect(events[1]).toEqual({ type: 'output', values: [['not', 'a', 'diff']], isGenerating: true, edits: null });
  });

  it('talks to Gradio 5 under /gradio_api, with /config at the root', async () => {
    const app = await startApp({
      config: gradioConfig({ version: '5.49.1', api_prefix: '/gradio_api' }),
      stream: (stream) => {
        stream.send(generating(ours, ['x']));
        stream.send({ ...generating(ours, [[['append', [], 'y']]]), time_limit: null });
        stream.send({ ...completed(ours, ['xy']), title: null });
      },
    });
    const space = await connectSpace(`${app.url}/`);
    expect(space.config.apiPrefix).toBe('/gradio_api');
    const { events } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(events.at(-1)).toEqual({ type: 'completed', values: ['xy'], cancelled: false });
    expect(app.requests.map((request) => `${request.method} ${request.url.split('?')[0]}`)).toEqual([
      'GET /config',
      'POST /gradio_api/queue/join',
      'GET /gradio_api/queue/data',
    ]);
  });

  it('applies list deletes by the server version (original indices before 5.29.1)', async () => {
    const shrink = (eventId: string, indices: number[]) => [
      generating(eventId, [['a', 'b', 'c', 'd']]),
      generating(eventId, [indices.map((index) => ['delete', [index], null])]),
      completed(eventId, [['a']]),
    ];
    for (const [version, indices] of [['4.44.1', [1, 2, 3]], ['5.31.0', [1, 1, 1]]] as const) {
      const app = await startApp({
        config: gradioConfig({ version }),
        stream: (stream) => shrink(ours, [...indices]).forEach((message) => stream.send(message)),
      });
      const space = await connectSpace(app.url);
      const { events, error } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
      expect(error).toBeUndefined();
      expect(events[1]).toMatchObject({ type: 'output', values: [['a']] });
    }
  });

  it('reads the Python json.dumps form (before 4.24) with escaped emoji and CJK', async () => {
    const answer = ['你好', '😀 ', 'naïve ', '𝄞'];
    const messages = [
      estimation(ours),
      generating(ours, ['', [['Hi', answer[0]]]]),
      ...answer.slice(1).map((piece) => generating(ours, [[], [['append', [0, 1], piece]]])),
      completed(ours, ['', [['Hi', answer.join('')]]]),
    ];
    const body = new TextEncoder().encode(sseBody(messages, pythonJsonDumps));
    expect(body.every((byte) => byte < 0x80)).toBe(true);
    const app = await startApp({
      config: gradioConfig({ version: '4.21.0', protocol: 'sse_v2.1' }),
      stream: async (stream) => {
        for (const piece of randomSplit(body, seededRandom(5), 9)) {
          stream.raw(piece);
          await delay(0);
        }
      },
    });
    const space = await connectSpace(app.url);
    const { events, error } = await collectEvents(space.submit({ fnIndex: 0, data: [] }));
    expect(error).toBeUndefined();
    expect(textFromEdits(events, 1, answerOf, [0, 1])).toBe(answer.join(''));
    expect((events.at(-1) as Extract<GradioEvent, { type: 'completed' }>).values[1]).toEqual([['Hi', answer.join('')]]);
  });
});
