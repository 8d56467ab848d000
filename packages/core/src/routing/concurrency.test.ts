import { describe, expect, it } from 'vitest';
import { countOpenStreams } from '../testing/count-open-streams.js';
import { AllProvidersFailedError } from '../errors/all-providers-failed-error.js';
import { ConcurrencyLimitError } from '../errors/concurrency-limit-error.js';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import { createRegistry } from '../registry/global-registry.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { RegistryOptions } from '../spec/registry-options.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import type { StreamPart } from '../spec/stream-part.js';
import { ask, createFakeProvider, createManualTime, fail, finish, readStream, text, type FakeStep, type ReadResult } from '../testing/index.js';
import { MemoryRoutingStore } from './memory-routing-store.js';

type Script = readonly FakeStep[] | ((index: number) => readonly FakeStep[]);

function setup(script: Script, metadata: Partial<ProviderMetadata> = { maxConcurrency: 2 }, options: RegistryOptions = {}) {
  const time = createManualTime(0);
  const events: RoutingEvent[] = [];
  const fake = createFakeProvider({ name: 'Limited', metadata, script, scheduler: time.scheduler });
  const counter = countOpenStreams(fake.providerClass);
  const registry = createRegistry({
    clock: time.clock,
    scheduler: time.scheduler,
    retry: { maxAttempts: 1 },
    onEvent: (event) => events.push(event),
    ...options,
  });
  registry.register(counter.providerClass, fake.metadata);
  return { time, events, fake, counter, registry };
}

const slowAnswer = (label: string, delayMs = 100): FakeStep[] => [text(label, delayMs), finish()];
const queuedParts = (result: ReadResult) =>
  result.parts.filter((part): part is Extract<StreamPart, { type: 'status' }> => part.type === 'status');
const textOf = (result: ReadResult) => result.parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

describe('concurrency limits', () => {
  it('never runs more than maxConcurrency at once; the rest wait in order, told their place in line', async () => {
    const { time, counter, registry } = setup((index) => slowAnswer(`answer ${index}`));
    const readings = Array.from({ length: 5 }, (_, index) => readStream(registry.stream(ask(`question ${index}`))));
    await time.advance(0);
    expect(counter.open).toBe(2);
    expect(registry.health()[0]).toMatchObject({ maxConcurrency: 2, inFlight: 2, waiting: 3 });

    await time.advance(100);
    expect(counter.started).toBe(4);
    await time.advance(100);
    await time.advance(100);
    const results = await Promise.all(readings);

    expect(counter.peak).toBe(2);
    expect(results.map(textOf)).toEqual(['answer 0', 'answer 1', 'answer 2', 'answer 3', 'answer 4']);
    expect(queuedParts(results[0]!)).toEqual([]);
    expect(queuedParts(results[2]!)).toEqual([{ type: 'status', stage: 'queued', position: 0, queueSize: 1 }]);
    expect(queuedParts(results[4]!)).toEqual([
      { type: 'status', stage: 'queued', position: 2, queueSize: 3 },
      { type: 'status', stage: 'queued', position: 1, queueSize: 2 },
      { type: 'status', stage: 'queued', position: 0, queueSize: 1 },
    ]);
    expect(registry.health()[0]).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('fails with a retryable ConcurrencyLimitError once the queue budget runs out, without calling the provider', async () => {
    const { time, fake, registry, events } = setup([text('long', 10_000), finish()], { maxConcurrency: 1 }, { timeouts: { queueMs: 500 } });
    const holding = readStream(registry.stream(ask()));
    const waiting = readStream(registry.stream(ask()));
    await time.advance(499);
    expect(fake.calls).toHaveLength(1);
    await time.advance(1);
    const { error } = await waiting;

    expect(AllProvidersFailedError.isInstance(error)).toBe(true);
    const cause = (error as AllProvidersFailedError).failures[0]!.error;
    expect(ConcurrencyLimitError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ code: 'CONCURRENCY_LIMIT', retryable: true, limit: 1, waitedMs: 500, provider: 'Limited' });
    expect(cause.message).toContain('raise maxConcurrency');
    expect(fake.calls).toHaveLength(1);
    expect(events).toContainEqual({ type: 'queued', provider: 'Limited', position: 0, queueSize: 1 });
    expect(registry.health()[0]).toMatchObject({ consecutiveFailures: 0, recentFailures: 0, state: 'closed' });
    await time.advance(9_500);
    expect(textOf(await holding)).toBe('long');
  });

  it('falls back to the next provider when the first stays saturated', async () => {
    const { time, registry } = setup([text('slow', 5_000), finish()], { maxConcurrency: 1 }, { timeouts: { queueMs: 50 } });
    const backup = createFakeProvider({ name: 'Backup', script: [text('backup'), finish()] });
    registry.register(backup.providerClass, backup.metadata);
    const first = readStream(registry.stream(ask()));
    const second = readStream(registry.stream(ask()));
    await time.advance(50);
    expect(textOf(await second)).toBe('backup');
    await time.advance(5_000);
    expect(textOf(await first)).toBe('slow');
  });

  it('leaves the line when the caller aborts or stops reading, and the others move up', async () => {
    const { time, counter, registry } = setup((index) => slowAnswer(`answer ${index}`), { maxConcurrency: 1 });
    const holding = readStream(registry.stream(ask()));
    const controller = new AbortController();
    const aborted = readStream(registry.stream(ask(), { signal: controller.signal }));
    const stopping = registry.stream(ask());
    const stoppingFirst = stopping.next();
    const last = readStream(registry.stream(ask()));
    await time.advance(10);
    expect(registry.health()[0]).toMatchObject({ inFlight: 1, waiting: 3 });

    controller.abort();
    expect((await aborted).error).toMatchObject({ code: 'ABORTED' });
    expect(await stoppingFirst).toMatchObject({ value: { type: 'status', stage: 'queued', position: 1 } });
    await stopping.return(undefined);
    expect(registry.health()[0]).toMatchObject({ waiting: 1 });

    await time.advance(90);
    await time.advance(100);
    expect(textOf(await holding)).toBe('answer 0');
    const lastResult = await last;
    expect(textOf(lastResult)).toBe('answer 1');
    expect(queuedParts(lastResult).map((part) => part.position)).toEqual([2, 1, 0]);
    expect(counter.peak).toBe(1);
    expect(registry.health()[0]).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('frees the slot during a retry delay', async () => {
    const down = new UpstreamHttpError(503, 'Service Unavailable');
    const { time, counter, registry } = setup(
      (index) => (index === 0 ? [fail(down, 10)] : slowAnswer(`answer ${index}`, 10)),
      { maxConcurrency: 1 },
      { retry: { maxAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 1_000 }, random: () => 0.999 },
    );
    const retrying = readStream(registry.stream(ask()));
    const other = readStream(registry.stream(ask()));
    await time.advance(30);
    expect(textOf(await other)).toBe('answer 1');
    await time.advance(1_000);
    expect(textOf(await retrying)).toBe('answer 2');
    expect(counter.peak).toBe(1);
  });

  it('takes the registry override over the metadata, and a non-positive override lifts the limit', async () => {
    const limited = setup((index) => slowAnswer(`${index}`), { maxConcurrency: 3 }, { maxConcurrency: { Limited: 1 } });
    const first = Array.from({ length: 3 }, () => readStream(limited.registry.stream(ask())));
    await limited.time.advance(0);
    expect(limited.counter.open).toBe(1);
    await limited.time.advance(300);
    await Promise.all(first);

    limited.registry.configure({ maxConcurrency: { Limited: 0 } });
    const lifted = Array.from({ length: 3 }, () => readStream(limited.registry.stream(ask())));
    await limited.time.advance(0);
    expect(limited.counter.open).toBe(3);
    expect(limited.registry.health()[0]).not.toHaveProperty('maxConcurrency');
    await limited.time.advance(100);
    await Promise.all(lifted);
  });

  it('shares limits, circuits and overrides between registries given one store', async () => {
    const store = new MemoryRoutingStore();
    const down = new UpstreamHttpError(503, 'Service Unavailable');
    const shared = { store, circuit: { failureThreshold: 2, cooldownMs: 1_000 } };
    const left = setup((index) => (index < 2 ? [fail(down)] : slowAnswer('left')), { maxConcurrency: 1 }, shared);
    const right = createRegistry({ clock: left.time.clock, scheduler: left.time.scheduler, retry: { maxAttempts: 1 }, ...shared });
    right.register(left.counter.providerClass, left.fake.metadata);

    await readStream(left.registry.stream(ask()));
    await readStream(right.stream(ask()));
    expect(right.health()[0]).toMatchObject({ state: 'open', consecutiveFailures: 2, recentFailures: 1 });
    expect(left.registry.health()[0]).toMatchObject({ state: 'open', recentFailures: 1 });

    await right.setWorking('Limited', true);
    expect(left.registry.health()[0]).toMatchObject({ working: true, workingOverride: true });
    const fromLeft = readStream(left.registry.stream(ask()));
    const fromRight = readStream(right.stream(ask()));
    await left.time.advance(0);
    expect(left.counter.open).toBe(1);
    expect(right.health()[0]).toMatchObject({ inFlight: 1, waiting: 1 });
    await left.time.advance(200);
    expect((await Promise.all([fromLeft, fromRight])).map(textOf)).toEqual(['left', 'left']);
    expect(left.counter.peak).toBe(1);
  });
});
