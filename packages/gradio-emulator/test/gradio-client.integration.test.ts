import { clearSpaceConfigCache, connectSpace, type GradioCompletedEvent, type GradioEvent } from '@switchboard/gradio';
import { startConnectProxy } from '@switchboard/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { EmulatedGradioVersion } from '../src/index.js';
import {
  answerFromEdits,
  answersOfOutputs,
  chatRequest,
  chatValues,
  hasReplaceEdit,
  markdownAnswer,
  nonAsciiAnswer,
  type ChatHistory,
} from './chat-events.js';
import { chatTestIds } from './chat-test-app.js';
import { connectEmulatedSpace, startTestEmulator } from './emulated-space.js';
import { readEvents } from './read-events.js';

const generations: Array<{ version: EmulatedGradioVersion; gradioVersion: string; protocol: string; apiPrefix: string }> = [
  { version: '4.16', gradioVersion: '4.16.0', protocol: 'sse_v1', apiPrefix: '' },
  { version: '4.20', gradioVersion: '4.20.1', protocol: 'sse_v2', apiPrefix: '' },
  { version: '4.21', gradioVersion: '4.21.0', protocol: 'sse_v2.1', apiPrefix: '' },
  { version: '4.36', gradioVersion: '4.36.1', protocol: 'sse_v3', apiPrefix: '' },
  { version: '5', gradioVersion: '5.9.1', protocol: 'sse_v3', apiPrefix: '/gradio_api' },
];

function completedOf(events: readonly GradioEvent[]): GradioCompletedEvent {
  const last = events.at(-1);
  if (last?.type !== 'completed') throw new Error(`the last event is ${JSON.stringify(last)}, not a completion`);
  return last;
}

const typesOf = (events: readonly GradioEvent[]) => events.map((event) => event.type);

describe.each(generations)('our client against emulated Gradio $version ($protocol)', ({ version, gradioVersion, protocol, apiPrefix }) => {
  const usesDiffs = protocol !== 'sse_v1';

  it('reads the config and talks to /config at the root and to the API under its prefix', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version });
    expect(space.config).toMatchObject({ version: gradioVersion, protocol, apiPrefix, usesDiffs });
    const { error } = await readEvents(space.submit(chatRequest('Hi')));
    expect(error).toBeUndefined();
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /config',
      `POST ${apiPrefix}/queue/join`,
      `GET ${apiPrefix}/queue/data`,
    ]);
    const [, join, data] = emulator.requests;
    const sessionHash = (join!.body as { session_hash: string }).session_hash;
    expect(join!.body).toEqual({ data: ['Hi', []], event_data: null, fn_index: 0, trigger_id: chatTestIds.message, session_hash: sessionHash });
    expect(data!.query).toEqual({ session_hash: sessionHash });
    expect(data!.headers.accept).toBe('text/event-stream');
  });

  it('streams a non-ASCII answer (emoji, CJK) to the same final text in outputs, edits and completion', async () => {
    const { space } = await connectEmulatedSpace({ version, answer: nonAsciiAnswer, tokenSize: 2 });
    const { events, error } = await readEvents(space.submit(chatRequest('Grüß dich 👋')));
    expect(error).toBeUndefined();
    const outputCount = Math.ceil(Array.from(nonAsciiAnswer).length / 2);
    expect(typesOf(events)).toEqual(['queued', 'started', ...Array<string>(outputCount).fill('output'), 'completed']);
    expect(completedOf(events)).toEqual({ type: 'completed', values: chatValues('Grüß dich 👋', nonAsciiAnswer), cancelled: false });
    const answers = answersOfOutputs(events, 0);
    expect(answers.at(-1)).toBe(nonAsciiAnswer);
    for (const answer of answers) expect(nonAsciiAnswer.startsWith(answer as string), String(answer)).toBe(true);
    expect(answerFromEdits(events, 0)).toBe(nonAsciiAnswer);
    const fullValueOutputs = events.filter((event) => event.type === 'output' && event.edits === null).length;
    expect(fullValueOutputs).toBe(usesDiffs ? 1 : outputCount);
  });

  it('answers at the pair index given by the history length and keeps the earlier pairs', async () => {
    const history: ChatHistory = [
      ['Hi', 'Hello!'],
      ['今日は何曜日？', '月曜日です 📅'],
    ];
    const received: unknown[] = [];
    const { space } = await connectEmulatedSpace({
      version,
      answer: (query, earlier) => {
        received.push(earlier);
        return `Turn ${earlier.length + 1}: ${query} ✓`;
      },
      tokenSize: 3,
    });
    const { events, error } = await readEvents(space.submit(chatRequest('And you?', history, { fnIndex: 1, triggerId: chatTestIds.send })));
    expect(error).toBeUndefined();
    const expected = 'Turn 3: And you? ✓';
    expect(received).toEqual([history]);
    expect(completedOf(events).values).toEqual(chatValues('And you?', expected, history));
    expect(answersOfOutputs(events, 2).at(-1)).toBe(expected);
    expect(answerFromEdits(events, 2)).toBe(expected);
    for (const event of events) {
      if (event.type === 'output') expect((event.values[1] as unknown[]).slice(0, 2)).toEqual(history);
    }
  });

  it('follows whitespace-tidy rewrites of the answer to its final text', async () => {
    const { space } = await connectEmulatedSpace({ version, answer: markdownAnswer, tokenSize: 3 });
    const { events, error } = await readEvents(space.submit(chatRequest('List')));
    expect(error).toBeUndefined();
    const answers = answersOfOutputs(events, 0) as string[];
    expect(answers).toContain('1. **A**\ndetail');
    expect(answers.at(-1)).toBe(markdownAnswer);
    expect(answers.some((answer, index) => index > 0 && !answer.startsWith(answers[index - 1]!))).toBe(true);
    expect(hasReplaceEdit(events)).toBe(usesDiffs);
    expect(answerFromEdits(events, 0)).toBe(markdownAnswer);
    expect(completedOf(events).values).toEqual(chatValues('List', markdownAnswer));
  });

  it('asks for simple_format and then reads full values from every output', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version, answer: nonAsciiAnswer, tokenSize: 4 });
    const { events, error } = await readEvents(space.submit(chatRequest('Hi', [], { simpleFormat: true })));
    expect(error).toBeUndefined();
    expect(emulator.requests[1]!.body).toMatchObject({ simple_format: true });
    const outputs = events.filter((event) => event.type === 'output');
    expect(outputs.length).toBe(Math.ceil(Array.from(nonAsciiAnswer).length / 4));
    expect(outputs.every((event) => event.edits === null)).toBe(true);
    expect(answersOfOutputs(events, 0).at(-1)).toBe(nonAsciiAnswer);
    expect(completedOf(events).values).toEqual(chatValues('Hi', nonAsciiAnswer));
  });

  it("completes the app's plain functions, which yield no outputs", async () => {
    const { space } = await connectEmulatedSpace({ version });
    const shout = await readEvents(space.submit({ fnIndex: 3, triggerId: chatTestIds.message, data: ['Be brief 🙏'] }));
    const clear = await readEvents(space.submit({ fnIndex: 2, triggerId: chatTestIds.clear, data: [] }));
    expect(typesOf(shout.events)).toEqual(['queued', 'started', 'completed']);
    expect(completedOf(shout.events).values).toEqual(['BE BRIEF 🙏', []]);
    expect(completedOf(clear.events)).toEqual({ type: 'completed', values: ['', []], cancelled: false });
  });

  it('reports queue estimations as queued events, then the start with its eta', async () => {
    const { space } = await connectEmulatedSpace({ version, queue: { waitMs: 30, updates: 2, rank: 2, queueSize: 5, etaSeconds: 6 } });
    const { events, error } = await readEvents(space.submit(chatRequest('Hi')));
    expect(error).toBeUndefined();
    const queued = events.flatMap((event) => (event.type === 'queued' ? [event] : []));
    expect(queued.map(({ rank, queueSize }) => ({ rank, queueSize }))).toEqual([
      { rank: 2, queueSize: 5 },
      { rank: 1, queueSize: 4 },
      { rank: 0, queueSize: 3 },
    ]);
    expect(queued.map(({ etaSeconds }) => etaSeconds)).toEqual([6, expect.closeTo(4), expect.closeTo(2)]);
    expect(events[3]).toEqual({ type: 'started', etaSeconds: 6 });
    expect(completedOf(events).values).toEqual(chatValues('Hi', 'Hello! You asked: Hi'));
  });

  it('joins every submission on one space with a fresh session and reads only that session', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version, answer: (query) => `Echo: ${query} 🔁`, tokenSize: 2 });
    const queries = ['first', '第二', 'third 🎲'];
    const concurrent = await Promise.all(queries.map((query) => readEvents(space.submit(chatRequest(query)))));
    const sequential = await readEvents(space.submit(chatRequest('fourth')));
    [...concurrent, sequential].forEach(({ events, error }, index) => {
      const query = [...queries, 'fourth'][index]!;
      expect(error).toBeUndefined();
      expect(completedOf(events).values).toEqual(chatValues(query, `Echo: ${query} 🔁`));
      expect(answerFromEdits(events, 0)).toBe(`Echo: ${query} 🔁`);
    });
    const joinHashes = emulator.requests
      .filter((request) => request.path.endsWith('/queue/join'))
      .map((request) => (request.body as { session_hash: string }).session_hash);
    const streamHashes = emulator.requests.filter((request) => request.path.endsWith('/queue/data')).map((request) => request.query.session_hash);
    expect(new Set(joinHashes).size).toBe(4);
    expect(new Set(streamHashes)).toEqual(new Set(joinHashes));
    expect(streamHashes).toHaveLength(4);
    expect(emulator.requests.filter((request) => request.path === '/config')).toHaveLength(1);
  });
});

describe('our client and the emulator, whatever the version', () => {
  it('surfaces heartbeats while queued and between outputs, in every version', async () => {
    const runs = generations.map(async ({ version }) => {
      const { space } = await connectEmulatedSpace({
        version,
        heartbeatIntervalMs: 8,
        queue: { waitMs: 150 },
        tokenDelayMs: 40,
        answer: 'one two three',
        tokenSize: 4,
      });
      return { version, ...(await readEvents(space.submit(chatRequest('Hi')))) };
    });
    for (const { version, events, error } of await Promise.all(runs)) {
      expect(error, version).toBeUndefined();
      const types = typesOf(events);
      const heartbeats = types.flatMap((type, index) => (type === 'heartbeat' ? [index] : []));
      expect(heartbeats.some((index) => index < types.indexOf('started')), `${version}: ${types.join()}`).toBe(true);
      const between = heartbeats.some((index) => index > types.indexOf('output') && index < types.indexOf('completed'));
      expect(between, `${version}: ${types.join()}`).toBe(true);
      expect(completedOf(events).values, version).toEqual(chatValues('Hi', 'one two three'));
    }
  });

  it('discovers the config once per root and again after clearSpaceConfigCache', async () => {
    const emulator = await startTestEmulator({ version: '5' });
    const configRequests = () => emulator.requests.filter((request) => request.path === '/config').length;
    const first = await connectSpace(emulator.url);
    const second = await connectSpace(`${emulator.url}/`);
    expect(configRequests()).toBe(1);
    expect(second.config).toBe(first.config);
    const { error } = await readEvents(second.submit(chatRequest('Hi')));
    expect(error).toBeUndefined();
    clearSpaceConfigCache(emulator.url);
    const third = await connectSpace(emulator.url);
    expect(configRequests()).toBe(2);
    expect(third.config).toEqual(first.config);
    expect(third.config).not.toBe(first.config);
  });

  it('reaches the emulator through a CONNECT proxy', async () => {
    const emulator = await startTestEmulator({ version: '4.36', answer: 'via the proxy ✓' });
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const space = await connectSpace(emulator.url, { proxy: proxy.url });
    onTestFinished(() => space.close());
    const { events, error } = await readEvents(space.submit(chatRequest('Hi')));
    expect(error).toBeUndefined();
    expect(completedOf(events).values).toEqual(chatValues('Hi', 'via the proxy ✓'));
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([emulator.url.replace('http://', '')]));
    expect(emulator.requests.map((request) => request.path)).toEqual(['/config', '/queue/join', '/queue/data']);
  });
});
