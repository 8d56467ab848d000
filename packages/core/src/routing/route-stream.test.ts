import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registryWith } from '../../test/registry-with.js';
import { AllProvidersFailedError } from '../errors/all-providers-failed-error.js';
import { ConnectionError } from '../errors/connection-error.js';
import { GradioAppError } from '../errors/gradio-app-error.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import { NoProviderForModelError } from '../errors/no-provider-for-model-error.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { ProviderUnavailableError } from '../errors/provider-unavailable-error.js';
import { QueueFullError } from '../errors/queue-full-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import { ask, createFakeProvider, fail, finish, hang, queued, readStream, started, text } from '../testing/index.js';

const answer = (label: string) => [text(`${label} says `), text('hello'), finish()];
const quickRetry = { maxAttempts: 2, baseDelayMs: 2, maxDelayMs: 4 };

function recorder() {
  const events: RoutingEvent[] = [];
  return { events, onEvent: (event: RoutingEvent) => events.push(event) };
}

describe('routing: fallback before the first token', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a full queue, then answers from the second provider; the events say why', async () => {
    const full = new QueueFullError({ detail: 'Queue is full. Max size is 2 and size is 2.' });
    const first = createFakeProvider({ name: 'First', script: [queued({ position: 0 }), fail(full)] });
    const second = createFakeProvider({ name: 'Second', script: answer('second') });
    const registryEvents = recorder();
    const callEvents = recorder();
    const registry = registryWith([first, second], { retry: quickRetry, onEvent: registryEvents.onEvent });

    const { parts, error } = await readStream(registry.stream(ask(), { onEvent: callEvents.onEvent }));

    expect(error).toBeUndefined();
    expect(parts).toEqual([
      { type: 'status', stage: 'queued', position: 0 },
      { type: 'status', stage: 'queued', position: 0 },
      { type: 'text-delta', text: 'second says ' },
      { type: 'text-delta', text: 'hello' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(first.calls).toHaveLength(2);
    expect(second.calls).toHaveLength(1);
    const summary = callEvents.events.map((event) => event.type);
    expect(summary).toEqual([
      'attempt-start',
      'queued',
      'retry-scheduled',
      'attempt-start',
      'queued',
      'fallback',
      'attempt-start',
      'first-token',
      'finish',
    ]);
    expect(callEvents.events[2]).toMatchObject({ type: 'retry-scheduled', provider: 'First', attempt: 2, reason: full });
    expect(callEvents.events[5]).toEqual({ type: 'fallback', from: 'First', to: 'Second', reason: full });
    expect(callEvents.events[6]).toEqual({ type: 'attempt-start', provider: 'Second', model: 'shared-model', attempt: 1 });
    expect(callEvents.events.at(-1)).toMatchObject({ type: 'finish', provider: 'Second', reason: 'stop' });
    expect(registryEvents.events).toEqual(callEvents.events);
  });

  it('falls back on HTTP 500 after the bounded retries', async () => {
    const first = createFakeProvider({ name: 'First', script: [fail(new UpstreamHttpError(500, 'Internal Server Error'))] });
    const second = createFakeProvider({ name: 'Second', script: answer('second') });
    const { events, onEvent } = recorder();
    const registry = registryWith([first, second], { retry: { ...quickRetry, maxAttempts: 3 } });

    expect(await registry.complete(ask(), { onEvent })).toBe('second says hello');
    expect(first.calls).toHaveLength(3);
    const fallback = events.find((event) => event.type === 'fallback');
    expect(fallback).toMatchObject({ from: 'First', to: 'Second' });
    expect(UpstreamHttpError.isInstance(fallback?.type === 'fallback' && fallback.reason)).toBe(true);
  });

  it('falls back when the first provider stalls before its first token, at the firstToken budget', async () => {
    vi.useFakeTimers();
    const first = createFakeProvider({ name: 'Stalling', script: [started(), hang()] });
    const second = createFakeProvider({ name: 'Second', script: answer('second') });
    const { events, onEvent } = recorder();
    const registry = registryWith([first, second], { retry: { maxAttempts: 1 }, timeouts: { firstTokenMs: 1_000 } });

    const answering = registry.complete(ask(), { onEvent });
    await vi.advanceTimersByTimeAsync(999);
    expect(second.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.calls).toHaveLength(1);
    expect(await answering).toBe('second says hello');
    const fallback = events.find((event) => event.type === 'fallback');
    expect(fallback?.type === 'fallback' && fallback.reason).toMatchObject({ code: 'TIMEOUT', phase: 'firstToken', provider: 'Stalling' });
    expect(events.at(-1)).toEqual({ type: 'finish', provider: 'Second', reason: 'stop', elapsedMs: 1_000 });
    expect(first.calls[0]!.signal?.aborted).toBe(true);
    expect(first.calls[0]!.signal?.reason).toBeInstanceOf(TimeoutError);
    expect(first.calls[0]!.returnCalled).toBe(true);
  });

  it('does not retry non-retryable failures on the same provider, but moves on', async () => {
    const cases = [
      new GradioAppError("'Rate limited'"),
      new ModelNotSupportedError('shared-model', []),
      new ProtocolError('unexpected shape'),
      new Error('a bug in the provider'),
    ];
    for (const failure of cases) {
      const first = createFakeProvider({ name: 'First', script: [fail(failure)] });
      const second = createFakeProvider({ name: 'Second', script: answer('second') });
      const registry = registryWith([first, second], { retry: { ...quickRetry, maxAttempts: 5 } });
      expect(await registry.complete(ask())).toBe('second says hello');
      expect(first.calls).toHaveLength(1);
    }
  });

  it('retries a protocol error marked retryable, and wraps network errors as retryable ConnectionError', async () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const scripts = [
      [fail(new ProtocolError('half a JSON document', { retryable: true }))],
      [fail(reset)],
      [fail(fetchFailed)],
    ];
    for (const failingScript of scripts) {
      const flaky = createFakeProvider({ name: 'Flaky', script: (index) => (index === 0 ? failingScript : answer('flaky')) });
      const registry = registryWith([flaky], { retry: quickRetry });
      const { events, onEvent } = recorder();
      expect(await registry.complete(ask(), { onEvent })).toBe('flaky says hello');
      expect(flaky.calls).toHaveLength(2);
      const retry = events.find((event) => event.type === 'retry-scheduled');
      if (failingScript !== scripts[0]) expect(ConnectionError.isInstance(retry?.type === 'retry-scheduled' && retry.reason)).toBe(true);
    }
  });
});

describe('routing: after the first token', () => {
  it('neither retries nor switches, and ends with the typed error carrying the partial text', async () => {
    const first = createFakeProvider({
      name: 'First',
      script: [queued(), text('Hel'), text('lo, wor'), fail(new StreamTruncatedError('connection closed'))],
    });
    const second = createFakeProvider({ name: 'Second', script: answer('second') });
    const { events, onEvent } = recorder();
    const registry = registryWith([first, second], { retry: quickRetry });

    const { parts, error } = await readStream(registry.stream(ask(), { onEvent }));

    expect(parts.map((part) => part.type)).toEqual(['status', 'text-delta', 'text-delta']);
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'First', model: 'shared-model', partialText: 'Hello, wor' });
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(0);
    expect(events.map((event) => event.type)).toEqual(['attempt-start', 'queued', 'first-token', 'finish']);
    expect(events.at(-1)).toMatchObject({ type: 'finish', provider: 'First', reason: 'error' });
  });

  it('wraps an unknown failure after the first token so the partial text is kept', async () => {
    const first = createFakeProvider({ name: 'First', script: [text('partial'), fail(new RangeError('oops'))] });
    const registry = registryWith([first]);
    const error = await registry.complete(ask()).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'First', partialText: 'partial', cause: expect.any(RangeError) });
  });

  it('applies revisions to the partial text', async () => {
    const first = createFakeProvider({
      name: 'First',
      script: [text('1. Fisrt'), { type: 'part', part: { type: 'text-revision', text: '1. First\n2.' } }, fail(new StreamTruncatedError('eof'))],
    });
    const error = await registryWith([first]).complete(ask()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ partialText: '1. First\n2.' });
  });
});

describe('routing: retries on fake time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Attempt starts of one request, in milliseconds since it began. */
  function attemptClock() {
    const startedAt = Date.now();
    const starts: number[] = [];
    const { events, onEvent } = recorder();
    return {
      events,
      starts,
      onEvent: (event: RoutingEvent) => {
        if (event.type === 'attempt-start') starts.push(Date.now() - startedAt);
        onEvent(event);
      },
    };
  }

  it('waits the exponential delay with jitter that retryDelay gives for a fixed random', async () => {
    const flaky = createFakeProvider({
      name: 'Flaky',
      script: (index) => (index < 3 ? [fail(new QueueFullError())] : answer('flaky')),
    });
    const { events, starts, onEvent } = attemptClock();
    const retry = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 };
    const registry = registryWith([flaky], { retry, circuit: { failureThreshold: 10 } });

    const answering = registry.complete(ask(), { onEvent });
    await vi.advanceTimersByTimeAsync(74);
    expect(flaky.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flaky.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);

    expect(await answering).toBe('flaky says hello');
    expect(flaky.calls).toHaveLength(4);
    const scheduled = events.flatMap((event) => (event.type === 'retry-scheduled' ? [[event.attempt, event.delayMs]] : []));
    expect(scheduled).toEqual([
      [2, 75],
      [3, 150],
      [4, 188],
    ]);
    expect(starts).toEqual([0, 75, 225, 413]);
  });

  it('waits exactly as long as the upstream asks, up to the cap', async () => {
    const asksShort = createFakeProvider({
      name: 'AsksShort',
      script: (index) => (index === 0 ? [fail(new QueueFullError({ retryAfterMs: 600 }))] : answer('short')),
    });
    const asksLong = createFakeProvider({
      name: 'AsksLong',
      script: (index) => (index === 0 ? [fail(new UpstreamHttpError(429, '', { retryAfterMs: 60_000 }))] : answer('long')),
    });
    for (const [fake, expected] of [
      [asksShort, 600],
      [asksLong, 800],
    ] as const) {
      const { events, starts, onEvent } = attemptClock();
      const registry = registryWith([fake], { retry: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 800 } });
      const answering = registry.complete(ask(), { onEvent });
      await vi.advanceTimersByTimeAsync(expected - 1);
      expect(fake.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(fake.calls).toHaveLength(2);
      await answering;
      expect(events.find((event) => event.type === 'retry-scheduled')).toMatchObject({ delayMs: expected });
      expect(starts).toEqual([0, expected]);
    }
  });
});

describe('routing: every candidate failed', () => {
  it('throws AllProvidersFailedError naming each provider with its cause', async () => {
    const full = new QueueFullError();
    const appError = new GradioAppError('CUDA out of memory');
    const first = createFakeProvider({ name: 'First', script: [fail(full)] });
    const second = createFakeProvider({ name: 'Second', script: [fail(appError)] });
    const retired = createFakeProvider({ name: 'Retired', metadata: { working: false }, script: answer('retired') });
    const { events, onEvent } = recorder();
    const registry = registryWith([first, second, retired], { retry: { maxAttempts: 1 } });

    const error = await registry.complete(ask(), { onEvent }).catch((caught: unknown) => caught);

    expect(AllProvidersFailedError.isInstance(error)).toBe(true);
    const failures = (error as AllProvidersFailedError).failures;
    expect(failures.map((failure) => failure.provider)).toEqual(['First', 'Second', 'Retired']);
    expect(failures[0]!.error).toBe(full);
    expect(failures[1]!.error).toBe(appError);
    expect(ProviderUnavailableError.isInstance(failures[2]!.error)).toBe(true);
    expect((failures[2]!.error as ProviderUnavailableError).reason).toBe('not-working');
    const message = (error as Error).message;
    expect(message).toContain(`First: ${full.message}`);
    expect(message).toContain('Second: Gradio app failed: CUDA out of memory');
    expect(message).toContain('Retired: Provider Retired is marked not working');
    expect((error as Error).cause).toBe(appError);
    expect(retired.calls).toHaveLength(0);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'error', elapsedMs: expect.any(Number) });
  });

  it('still reports a model nobody serves as NoProviderForModelError', async () => {
    const registry = registryWith([createFakeProvider({ name: 'Only', script: answer('only') })]);
    await expect(registry.complete(ask('hi', { model: 'other' }))).rejects.toThrow(NoProviderForModelError);
  });
});

describe('routing: listeners and request options', () => {
  it('ignores listeners that throw or reject', async () => {
    const first = createFakeProvider({ name: 'First', script: [fail(new QueueFullError())] });
    const second = createFakeProvider({ name: 'Second', script: answer('second') });
    const registry = registryWith([first, second], {
      retry: { maxAttempts: 1 },
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    const seen: string[] = [];
    const answerText = await registry.complete(ask(), {
      onEvent: ((event: RoutingEvent) => {
        seen.push(event.type);
        return Promise.reject(new Error('async listener bug'));
      }) as unknown as (event: RoutingEvent) => void,
    });
    expect(answerText).toBe('second says hello');
    expect(seen).toEqual(['attempt-start', 'fallback', 'attempt-start', 'first-token', 'finish']);
  });

  it('passes the proxy, the resolved model and the timeouts to every provider it tries', async () => {
    const first = createFakeProvider({ name: 'First', script: [fail(new QueueFullError())] });
    const second = createFakeProvider({ name: 'Second', script: answer('second') });
    const registry = registryWith([first, second], {
      retry: { maxAttempts: 1 },
      proxy: 'http://default-proxy:3128',
      timeouts: { idleMs: 1234 },
    });

    await registry.complete(ask('hi', { proxy: 'http://user:secret@call-proxy:8080', timeouts: { connectMs: 999 } }));
    for (const fake of [first, second]) {
      expect(fake.calls[0]!.request).toMatchObject({
        model: 'shared-model',
        proxy: 'http://user:secret@call-proxy:8080',
        timeouts: { connectMs: 999, idleMs: 1234, firstTokenMs: 60_000 },
      });
    }

    await registry.complete(ask());
    expect(second.calls[1]!.request.proxy).toBe('http://default-proxy:3128');
    registry.configure({ proxy: undefined });
    await registry.complete(ask());
    expect(second.calls[2]!.request).not.toHaveProperty('proxy');
  });
});
