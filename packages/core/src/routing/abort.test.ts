import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { AbortError } from '../errors/abort-error.js';
import { QueueFullError } from '../errors/queue-full-error.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import type { StreamPart } from '../spec/stream-part.js';
import type { FakeStep } from './fake-provider.js';
import { ask, createFakeProvider, fail, finish, hang, queued, readStream, registryWith, started, text } from './fake-provider.js';

const stages: Array<{ stage: string; script: FakeStep[]; partialText: string; partsBefore: number }> = [
  { stage: 'connecting', script: [hang()], partialText: '', partsBefore: 0 },
  { stage: 'queued', script: [queued({ position: 3 }), queued({ position: 2 }, 5), hang()], partialText: '', partsBefore: 2 },
  { stage: 'streaming', script: [started(), text('Hello'), text(', wor'), hang()], partialText: 'Hello, wor', partsBefore: 3 },
];

function timerCount(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

/** Records every timer started until `restore()`, and forgets those that fired or were cleared. */
function trackTimers() {
  const pending = new Set<unknown>();
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const setSpy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: (...args: unknown[]) => void, delay?: number) => {
    const handle = realSetTimeout(() => {
      pending.delete(handle);
      callback();
    }, delay);
    pending.add(handle);
    return handle;
  }) as typeof setTimeout);
  const clearSpy = vi.spyOn(globalThis, 'clearTimeout').mockImplementation((handle) => {
    pending.delete(handle);
    realClearTimeout(handle);
  });
  return {
    pending,
    started: () => setSpy.mock.calls.length,
    restore() {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    },
  };
}

describe('abort', () => {
  for (const { stage, script, partialText, partsBefore } of stages) {
    for (const ignoreAbort of [false, true]) {
      it(`settles promptly when aborted while ${stage}${ignoreAbort ? ', even if the provider ignores its signal' : ''}`, async () => {
        const fake = createFakeProvider({ name: 'Upstream', script, ignoreAbort });
        const events: RoutingEvent[] = [];
        const registry = registryWith([fake], { onEvent: (event) => events.push(event) });
        const controller = new AbortController();
        const parts: StreamPart[] = [];
        let abortedAt = 0;
        const reading = readStream(
          (async function* () {
            for await (const part of registry.stream(ask(), { signal: controller.signal })) {
              parts.push(part);
              yield part;
            }
          })(),
        );
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(parts).toHaveLength(partsBefore);
        abortedAt = performance.now();
        controller.abort('user pressed stop');
        const { error } = await reading;

        expect(performance.now() - abortedAt).toBeLessThan(1_000);
        expect(AbortError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ reason: 'user pressed stop', provider: 'Upstream', partialText });
        expect(fake.calls[0]!.signal?.aborted).toBe(true);
        expect(fake.calls[0]!.returnCalled).toBe(true);
        expect(events.at(-1)).toMatchObject({ type: 'finish', provider: 'Upstream', reason: 'abort' });
        expect(registry.health()[0]).toMatchObject({ consecutiveFailures: 0, recentFailures: 0 });
        expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
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
    const reading = readStream(registry.stream(ask(), { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const abortedAt = performance.now();
    controller.abort();
    const { error } = await reading;
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(fake.calls).toHaveLength(1);
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
    }
  });

  it('leaves no timer or abort listener behind', async () => {
    const before = timerCount();
    const timers = trackTimers();
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
      expect(await registry.complete(ask(), { signal: controller.signal })).toBe('ok');
      await expect(stalled.complete(ask(), { signal: controller.signal })).rejects.toThrow('firstToken timeout');
    }
    const aborting = new AbortController();
    const reading = stalled.complete(ask(), { signal: aborting.signal });
    aborting.abort();
    await expect(reading).rejects.toThrow(AbortError);
    const timersStarted = timers.started();
    timers.restore();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(timersStarted).toBeGreaterThan(20);
    expect(timers.pending.size).toBe(0);
    expect(timerCount()).toBeLessThanOrEqual(before);
  });
});
