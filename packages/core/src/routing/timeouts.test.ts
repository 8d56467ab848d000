import { describe, expect, it } from 'vitest';
import { AllProvidersFailedError } from '../errors/all-providers-failed-error.js';
import { TimeoutError, type TimeoutPhase } from '../errors/timeout-error.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import type { FakeStep } from './fake-provider.js';
import { ask, createFakeProvider, finish, hang, queued, readStream, registryWith, started, text } from './fake-provider.js';

const once = { maxAttempts: 1 };

function heartbeats(count: number, everyMs: number, make: (delayMs: number) => FakeStep): FakeStep[] {
  return Array.from({ length: count }, () => make(everyMs));
}

async function timeoutOf(steps: FakeStep[], timeouts: Record<string, number>): Promise<{ error: TimeoutError; elapsedMs: number }> {
  const fake = createFakeProvider({ name: 'Slow', script: steps });
  const registry = registryWith([fake], { retry: once, timeouts });
  const startedAt = performance.now();
  const { error } = await readStream(registry.stream(ask()));
  const elapsedMs = performance.now() - startedAt;
  const timeout = AllProvidersFailedError.isInstance(error) ? error.failures[0]!.error : error;
  expect(TimeoutError.isInstance(timeout)).toBe(true);
  expect(fake.calls[0]!.signal?.aborted).toBe(true);
  return { error: timeout as TimeoutError, elapsedMs };
}

describe('timeouts', () => {
  it('does not count a long, reported queue against the first token', async () => {
    const fake = createFakeProvider({
      name: 'Queued',
      script: [...heartbeats(12, 15, (delayMs) => queued({ position: 1, queueSize: 4 }, delayMs)), started(), text('done', 20), finish()],
    });
    const events: RoutingEvent[] = [];
    const registry = registryWith([fake], { retry: once, timeouts: { connectMs: 50, firstTokenMs: 50, queueMs: 2_000 } });
    expect(await registry.complete(ask(), { onEvent: (event) => events.push(event) })).toBe('done');
    expect(events.filter((event) => event.type === 'queued')).toHaveLength(12);
    expect(events.find((event) => event.type === 'queued')).toEqual({ type: 'queued', provider: 'Queued', position: 1, queueSize: 4 });
  });

  it('trips firstToken on a silent stall in the queue, after firstTokenMs of silence', async () => {
    const { error, elapsedMs } = await timeoutOf([queued(), queued({}, 10), hang()], { firstTokenMs: 40, queueMs: 5_000 });
    expect(error.phase).toBe('firstToken');
    expect(error.timeoutMs).toBe(40);
    expect(error.provider).toBe('Slow');
    expect(elapsedMs).toBeGreaterThanOrEqual(45);
    expect(elapsedMs).toBeLessThan(500);
  });

  it('trips firstToken when generation started but no text follows, heartbeats or not', async () => {
    const steps = [started(), ...heartbeats(20, 10, (delayMs) => started(delayMs))];
    const { error } = await timeoutOf(steps, { firstTokenMs: 50 });
    expect(error.phase).toBe('firstToken');
  });

  it('trips queue when the queue wait exceeds its own budget', async () => {
    const { error, elapsedMs } = await timeoutOf(heartbeats(100, 10, (delayMs) => queued({}, delayMs)), {
      firstTokenMs: 40,
      queueMs: 120,
    });
    expect(error.phase).toBe('queue');
    expect(error.timeoutMs).toBe(120);
    expect(elapsedMs).toBeGreaterThanOrEqual(115);
  });

  it('trips connect when the provider yields nothing at all', async () => {
    const { error } = await timeoutOf([hang()], { connectMs: 30, firstTokenMs: 1_000 });
    expect(error.phase).toBe('connect');
  });

  it('trips idle when text stops, even while status heartbeats keep coming; the partial text is kept', async () => {
    const fake = createFakeProvider({ name: 'Stalled', script: [text('Hello'), ...heartbeats(30, 10, (delayMs) => started(delayMs))] });
    const registry = registryWith([fake], { timeouts: { idleMs: 60 } });
    const { error, parts } = await readStream(registry.stream(ask()));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'idle', partialText: 'Hello', provider: 'Stalled' });
    expect(parts.length).toBeGreaterThan(3);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.signal?.reason).toBe(error);
  });

  it('trips total across retries and does not retry it', async () => {
    const first = createFakeProvider({ name: 'First', script: heartbeats(100, 10, (delayMs) => queued({}, delayMs)) });
    const second = createFakeProvider({ name: 'Second', script: [text('never'), finish()] });
    const registry = registryWith([first, second], { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const startedAt = performance.now();
    const { error } = await readStream(registry.stream(ask('hi', { timeouts: { totalMs: 80 } })));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'total', timeoutMs: 80, retryable: false });
    expect(performance.now() - startedAt).toBeLessThan(900);
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(0);
  });

  it('retries a timeout before the first token', async () => {
    const flaky = createFakeProvider({ name: 'Flaky', script: (index) => (index === 0 ? [hang()] : [text('second try'), finish()]) });
    const events: RoutingEvent[] = [];
    const registry = registryWith([flaky], { retry: { baseDelayMs: 1 }, timeouts: { connectMs: 30 } });
    expect(await registry.complete(ask(), { onEvent: (event) => events.push(event) })).toBe('second try');
    const retry = events.find((event) => event.type === 'retry-scheduled');
    expect(retry?.type === 'retry-scheduled' && retry.reason).toMatchObject({ phase: 'connect' });
  });

  it('lets request timeouts override the registry defaults field by field', async () => {
    const slow = createFakeProvider({ name: 'Slow', script: [started(), text('late', 80), finish()] });
    const registry = registryWith([slow], { retry: once, timeouts: { firstTokenMs: 30, connectMs: 500 } });
    await expect(registry.complete(ask())).rejects.toThrow(AllProvidersFailedError);
    expect(await registry.complete(ask('hi', { timeouts: { firstTokenMs: 500 } }))).toBe('late');
  });

  it('does not mistake a slow consumer for an idle upstream', async () => {
    const fast = createFakeProvider({ name: 'Fast', script: [text('a'), text('b'), text('c'), finish()] });
    const registry = registryWith([fast], { timeouts: { idleMs: 30, firstTokenMs: 30 } });
    let received = '';
    for await (const part of registry.stream(ask())) {
      if (part.type === 'text-delta') received += part.text;
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(received).toBe('abc');
  });

  it('names every phase in its error', async () => {
    const phases: TimeoutPhase[] = ['connect', 'firstToken', 'queue', 'idle', 'total'];
    expect(phases.map((phase) => new TimeoutError(phase, 5).message)).toEqual([
      'Timed out after 5 ms waiting for the upstream to accept the request (connect timeout).',
      'Timed out after 5 ms waiting for the first token (firstToken timeout).',
      'Timed out after 5 ms waiting in the upstream queue (queue timeout).',
      'Timed out after 5 ms waiting for the next part of the answer (idle timeout).',
      'Timed out after 5 ms for the whole request (total timeout).',
    ]);
  });
});
