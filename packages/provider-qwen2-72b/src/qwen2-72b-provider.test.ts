import {
  applyTextPart,
  GradioAppError,
  ProtocolError,
  QueueFullError,
  StreamTruncatedError,
  UpstreamHttpError,
  collectText,
  createRegistry,
  getRegistry,
  type ChatMessage,
  type StreamPart,
} from '@switchboard/core';
import type { GradioEmulator } from '@switchboard/gradio-emulator';
import { startConnectProxy } from '@switchboard/testing';
import { readParts } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { createQwen2_72BProvider } from './create-qwen2-72b-provider.js';
import { Qwen2_72BProvider } from './qwen2-72b-provider.js';
import { resolveQwen2_72BSettings } from './qwen2-72b-settings.js';
import { QwenSpaceEmulatorPool as EmulatorPool, type QwenSpaceEmulatorOptions as GradioEmulatorOptions } from './testing/index.js';

const emulators = new EmulatorPool();
afterEach(() => emulators.closeAll());

async function emulate(options: GradioEmulatorOptions) {
  const emulator = await emulators.start(options);
  return { emulator, provider: createQwen2_72BProvider({ baseUrl: emulator.url }) };
}

const ask = (content: string, earlier: ChatMessage[] = []) => ({
  model: 'qwen-2-72b',
  messages: [...earlier, { role: 'user' as const, content }],
});

const joins = (emulator: GradioEmulator) =>
  emulator.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/queue/join'));

describe('Qwen2_72BProvider registration', () => {
  it('registers itself in the process-wide registry, its settings injected by explicit token', () => {
    const registry = getRegistry();
    expect(registry.candidates('qwen-2-72b').map((candidate) => candidate.metadata.name)).toContain('Qwen_Qwen_2_72B');
    const provider = registry.get('Qwen_Qwen_2_72B') as Qwen2_72BProvider;
    expect(provider).toBeInstanceOf(Qwen2_72BProvider);
    expect(provider.getModel('qwen-2-72b')).toBe('qwen-qwen2-72b-instruct');
  });

  it('takes settings from registry.configureProvider, without touching the container', () => {
    const registry = createRegistry();
    registry.register(Qwen2_72BProvider);
    registry.configureProvider(Qwen2_72BProvider, { baseUrl: 'http://127.0.0.1:7/', hfToken: 'hf_configured' });
    const provider = registry.get('Qwen_Qwen_2_72B') as Qwen2_72BProvider;
    expect(provider.settings).toMatchObject({ baseUrl: 'http://127.0.0.1:7', hfToken: 'hf_configured' });
  });

  it('reads its base URL and token from the environment, options first', () => {
    const saved = { url: process.env.QWEN2_72B_URL, token: process.env.HF_TOKEN };
    try {
      process.env.QWEN2_72B_URL = 'http://127.0.0.1:9/';
      process.env.HF_TOKEN = 'hf_from_env';
      expect(resolveQwen2_72BSettings()).toMatchObject({ baseUrl: 'http://127.0.0.1:9', hfToken: 'hf_from_env' });
      expect(createQwen2_72BProvider().settings).toMatchObject({ baseUrl: 'http://127.0.0.1:9', hfToken: 'hf_from_env' });
      expect(resolveQwen2_72BSettings({ baseUrl: 'http://127.0.0.1:8', hfToken: 'hf_option' })).toMatchObject({
        baseUrl: 'http://127.0.0.1:8',
        hfToken: 'hf_option',
      });
      delete process.env.QWEN2_72B_URL;
      expect(resolveQwen2_72BSettings().baseUrl).toBe('https://qwen-qwen2-72b-instruct.hf.space');
    } finally {
      restoreEnvironment('QWEN2_72B_URL', saved.url);
      restoreEnvironment('HF_TOKEN', saved.token);
    }
  });
});

describe('Qwen2_72BProvider streaming', () => {
  it('streams the answer as deltas after queue and start status, then finishes', async () => {
    const { provider } = await emulate({
      answer: 'Hello! How can I help you today?',
      tokenSize: 5,
      queue: { waitMs: 60, updates: 2, rank: 1, queueSize: 2, etaSeconds: 3 },
    });
    const { parts, error } = await readParts(provider.createAsyncGenerator(ask('Hi')));
    expect(error).toBeUndefined();
    const queued = parts.filter((part) => part.type === 'status' && part.stage === 'queued');
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(queued[0]).toMatchObject({ position: 1, queueSize: 2, etaSeconds: 3 });
    const startedIndex = parts.findIndex((part) => part.type === 'status' && part.stage === 'started');
    const firstText = parts.findIndex((part) => part.type === 'text-delta');
    expect(startedIndex).toBeGreaterThan(parts.indexOf(queued[0]!));
    expect(firstText).toBeGreaterThan(startedIndex);
    expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(3);
    expect(parts.reduce(applyTextPart, '')).toBe('Hello! How can I help you today?');
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('repeats the queue status on each heartbeat, and stays quiet about heartbeats once text flows', async () => {
    const { provider } = await emulate({
      answer: 'slow and steady answer',
      tokenSize: 4,
      tokenDelayMs: 60,
      heartbeatIntervalMs: 20,
      queue: { waitMs: 300, updates: 1, rank: 0, queueSize: 1 },
    });
    const { parts, error } = await readParts(provider.createAsyncGenerator(ask('Hi')));
    expect(error).toBeUndefined();
    const firstText = parts.findIndex((part) => part.type === 'text-delta');
    const queued = parts.filter((part) => part.type === 'status' && part.stage === 'queued');
    expect(queued.length).toBeGreaterThanOrEqual(4);
    expect(parts.slice(firstText).filter((part) => part.type === 'status')).toEqual([]);
    expect(parts.reduce(applyTextPart, '')).toBe('slow and steady answer');
  });

  it('sends the conversation as query, history pairs and system prompt', async () => {
    const { emulator, provider } = await emulate({ answer: (query, history) => `${history.length} earlier, asked: ${query}` });
    const text = await provider.complete({
      model: 'qwen-qwen2-72b-instruct',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'first' },
        { role: 'user', content: 'two' },
        { role: 'assistant', content: 'second' },
        { role: 'user', content: 'three' },
      ],
    });
    expect(text).toBe('2 earlier, asked: three');
    const [join] = joins(emulator);
    expect(join!.body).toMatchObject({
      data: ['three', [['one', 'first'], ['two', 'second']], 'Be brief.'],
      fn_index: 0,
      trigger_id: 11,
    });
    const sessionHash = (join!.body as { session_hash: string }).session_hash;
    expect(sessionHash).toMatch(/^[a-z0-9]{8,}$/);
    const stream = emulator.requests.find((request) => request.path.endsWith('/queue/data'));
    expect(stream!.query.session_hash).toBe(sessionHash);
  });

  it('uses a fresh session hash for every request', async () => {
    const { emulator, provider } = await emulate({ answer: 'ok' });
    await provider.complete(ask('a'));
    await provider.complete(ask('b'));
    const hashes = joins(emulator).map((request) => (request.body as { session_hash: string }).session_hash);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).not.toBe(hashes[1]);
  });

  it('emits a revision when the Space rewrites text it already sent', async () => {
    const answer = '1. **Title**\n   detail\nNext line';
    const { provider } = await emulate({ answer, tokenSize: 3, tidyWhitespace: true });
    const { parts, error } = await readParts(provider.createAsyncGenerator(ask('list')));
    expect(error).toBeUndefined();
    const revisions = parts.filter((part) => part.type === 'text-revision');
    expect(revisions.length).toBeGreaterThanOrEqual(1);
    expect(parts.reduce(applyTextPart, '')).toBe(answer);
  });

  it.each(['4.16', '4.20', '4.36', '5'] as const)('streams from a Gradio %s server', async (version) => {
    const answer = 'Grüße aus 東京 🦊, streamed.';
    const { provider } = await emulate({ version, answer, tokenSize: 2 });
    expect(await collectText(provider.createAsyncGenerator(ask('hello')))).toBe(answer);
  });

  it('sends the Hugging Face token and extra headers', async () => {
    const emulator = await emulators.start({ answer: 'ok' });
    const provider = createQwen2_72BProvider({ baseUrl: emulator.url, hfToken: 'hf_secret', headers: { 'x-app': 'demo' } });
    await provider.complete(ask('hi'));
    const [join] = joins(emulator);
    expect(join!.headers.authorization).toBe('Bearer hf_secret');
    expect(join!.headers['x-app']).toBe('demo');
  });

  it('honours a per-call proxy', async () => {
    const { emulator, provider } = await emulate({ answer: 'through the tunnel' });
    const proxy = await startConnectProxy();
    try {
      const text = await provider.complete({ ...ask('hi'), proxy: proxy.url });
      expect(text).toBe('through the tunnel');
      expect(proxy.tunnels).toContain(new URL(emulator.url).host);
    } finally {
      await proxy.close();
    }
  });
});

describe('Qwen2_72BProvider failures', () => {
  const cases: Array<[string, GradioEmulatorOptions['fault'], (error: unknown) => void]> = [
    ['a full queue', { kind: 'queue-full' }, (error) => expect(QueueFullError.isInstance(error)).toBe(true)],
    [
      'HTTP 500 on join',
      { kind: 'join-status', status: 500, body: 'Internal Server Error' },
      (error) => {
        expect(UpstreamHttpError.isInstance(error)).toBe(true);
        expect((error as UpstreamHttpError).status).toBe(500);
      },
    ],
    [
      'a hidden app error',
      { kind: 'app-error', message: null },
      (error) => {
        expect(GradioAppError.isInstance(error)).toBe(true);
        expect((error as GradioAppError).serverMessage).toBeNull();
      },
    ],
    [
      'an app error with a message',
      { kind: 'app-error', message: 'Rate limited' },
      (error) => expect((error as GradioAppError).serverMessage).toContain('Rate limited'),
    ],
    [
      'an unexpected server error',
      { kind: 'unexpected-error', message: 'Server stopped' },
      (error) => expect((error as GradioAppError).kind).toBe('unexpected-error'),
    ],
    ['malformed JSON', { kind: 'malformed-json', afterTokens: 2 }, (error) => expect(ProtocolError.isInstance(error)).toBe(true)],
  ];

  it.each(cases)('maps %s to a typed error naming provider and model', async (_name, fault, check) => {
    const { provider } = await emulate({ answer: 'Some answer that is long enough', tokenSize: 4, fault });
    const { error } = await readParts(provider.createAsyncGenerator(ask('hi')));
    check(error);
    expect(error).toMatchObject({ provider: 'Qwen_Qwen_2_72B', model: 'qwen-qwen2-72b-instruct' });
  });

  it('keeps the partial text when the connection drops mid-answer', async () => {
    const { provider } = await emulate({
      answer: 'abcdefghijklmnopqrstuvwxyz',
      tokenSize: 2,
      fault: { kind: 'drop-connection', afterTokens: 4 },
    });
    const { parts, error } = await readParts(provider.createAsyncGenerator(ask('hi')));
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    const streamed = parts.reduce(applyTextPart, '');
    expect(streamed.length).toBeGreaterThan(0);
    expect('abcdefghijklmnopqrstuvwxyz'.startsWith(streamed)).toBe(true);
    expect((error as StreamTruncatedError).partialText).toBe(streamed);
  });
});


function restoreEnvironment(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
