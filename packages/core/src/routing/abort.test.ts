import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registryWith } from '../../test/registry-with.js';
import { AbortError } from '../errors/abort-error.js';
import { QueueFullError } from '../errors/queue-full-error.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import type { StreamPart } from '../spec/stream-part.js';
import type { FakeStep, ReadResult } from '../testing/index.js';
import { ask, createFakeProvider, fail, finish, hang, queued, readStream, started, text } from '../testing/index.js';

const stages: Array<{ stage: string; script: FakeStep[]; partialText: string; partsBefore: number }> = [
  { stage: 'connecting', script: [hang()], partialText: '', partsBefore: 0 },
  { stage: 'queued', script: [queued({ position: 3 }), queued({ position: 2 }, 5), hang()], partialText: '', partsBefore: 2 },
  { stage: 'streaming', script: [started(), text('Hello'), text(', wor'), hang()], partialText: 'Hello, wor', partsBefore: 3 },
];

/** Reads a stream in the background, keeping the parts seen so far and the result once it ends. */
function startReading(stream: AsyncIterable<StreamPart>) {
  const reading: { parts: StreamPart[]; result?: ReadResult } = { parts: [] };
  void readStream(
    (async function* () {
      for await (const part of stream) {
        reading.parts.push(part);
        yield part;
      }
    })(),
  ).then((result) => {
    reading.result = result;
  });
  return reading;
}

describe('abort', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const { stage, script, partialText, partsBefore } of stages) {
    for (const ignoreAbort of [false, true]) {
      const title = `settles without waiting for any timer when aborted while ${stage}${ignoreAbort ? ', even if the provider ignores its signal' : ''}`;
      it(title, async () => {
        const fake = createFakeProvider({ name: 'Upstream', script, ignoreAbort });
        const events: RoutingEvent[] = [];
        const registry = registryWith([fake], { onEvent: (event) => events.push(event) });
        const controller = new AbortController();
        const reading = startReading(registry.stream(ask(), { signal: controller.signal }));
        await vi.advanceTimersByTimeAsync(30);
        expect(reading.parts).toHaveLength(partsBefore);
        expect(reading.result).toBeUndefined();
        const abortedAt = Date.now();
        controller.abort('user pressed stop');
        await vi.advanceTimersByTimeAsync(0);

        expect(Date.now()).toBe(abortedAt);
        const error = reading.result?.error;
        expect(AbortError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ reason: 'user pressed stop', provider: 'Upstream', partialText });
        expect(fake.calls[0]!.signal?.aborted).toBe(true);
        expect(fake.calls[0]!.returnCalled).toBe(true);
        expect(events.at(-1)).toEqual({ type: 'finish', provider: 'Upstream', reason: 'abort', elapsedMs: 30 });
        expect(registry.health()[0]).toMatchObject({ consecutiveFailures: 0, recentFailures: 0 });
        expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
        expect(vi.getTimerCount()).toBe(0);
      });
    }
  }

  it('does not call any provider when the signal is already aborted', async () => {
    const fake = createFakeProvider({ name: 'Upstream', script: [text('x'), finish()] });
    const { error } = await readStream(registryWith([fake]).stream(ask(), { signal: AbortSignal.abort('early') }));
    expect(AbortError.isInstance(error)).toBe(true);
    expect(fake.calls).toHaveLength(0);
  });

  it('stops waiting for a retry at once', async () => {
    const fake = createFakeProvider({ name: 'Upstream', script: [fail(new QueueFullError({ retryAfterMs: 5_000 }))] });
    const registry = registryWith([fake], { retry: { maxRetryAfterMs: 5_000 } });
    const controller = new AbortController();
    const reading = startReading(registry.stream(ask(), { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(20);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(AbortError.isInstance(reading.result?.error)).toBe(true);
    expect(fake.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closes the provider when the consumer stops reading', async () => {
    for (const ignoreAbort of [false, true]) {
      const fake = createFakeProvider({ name: 'Upstream', script: [text('one'), text('two'), hang()], ignoreAbort });
      const events: RoutingEvent[] = [];
      const registry = registryWith([fake], { onEvent: (event) => events.push(event) });
      for await (const part of registry.stream(ask())) {
        if (part.type === 'text-delta') break;
      }
      expect(fake.calls[0]!.returnCalled).toBe(true);
      expect(fake.calls[0]!.signal?.aborted).toBe(true);
      expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'abort' });
      expect(registry.health()[0]!.recentFailures).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    }
  });

  it('leaves no timer or abort listener behind', async () => {
    const controller = new AbortController();
    const flaky = createFakeProvider({
      name: 'Flaky',
      script: (index) => (index % 2 === 0 ? [queued({}, 2), fail(new QueueFullError())] : [started(), text('ok', 2), finish()]),
    });
    const stalling = createFakeProvider({ name: 'Stalling', script: [queued(), hang()] });
    const registry = registryWith([flaky], { retry: { baseDelayMs: 1 }, timeouts: { totalMs: 5_000 } });
    const stalled = registryWith([stalling], {
      retry: { maxAttempts: 1 },
      timeouts: { firstTokenMs: 20 },
      circuit: { failureThreshold: 100 },
    });
    for (let round = 0; round < 3; round += 1) {
      const answering = registry.complete(ask(), { signal: controller.signal });
      await vi.advanceTimersByTimeAsync(1);
      expect(vi.getTimerCount()).toBeGreaterThan(0);
      await vi.advanceTimersByTimeAsync(100);
      expect(await answering).toBe('ok');
      expect(vi.getTimerCount()).toBe(0);

      const stalling = stalled.complete(ask(), { signal: controller.signal }).catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(20);
      expect(await stalling).toMatchObject({ message: expect.stringContaining('firstToken timeout') });
      expect(vi.getTimerCount()).toBe(0);
    }
    const aborting = new AbortController();
    const reading = stalled.complete(ask(), { signal: aborting.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    aborting.abort();
    expect(AbortError.isInstance(await reading)).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(aborting.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
