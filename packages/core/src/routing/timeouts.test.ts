import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registryWith } from '../../test/registry-with.js';
import { AllProvidersFailedError } from '../errors/all-providers-failed-error.js';
import { QueueFullError } from '../errors/queue-full-error.js';
import { TimeoutError, type TimeoutPhase } from '../errors/timeout-error.js';
import type { TimeoutSettings } from '../spec/chat-request.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import type { StreamPart } from '../spec/stream-part.js';
import type { RegistryOptions } from '../spec/registry-options.js';
import type { FakeProvider, FakeStep, ReadResult } from '../testing/index.js';
import { ask, createFakeProvider, createManualTime, fail, finish, hang, queued, readStream, started, text } from '../testing/index.js';

const once = { maxAttempts: 1 };

function heartbeats(count: number, everyMs: number, make: (delayMs: number) => FakeStep): FakeStep[] {
  return Array.from({ length: count }, () => make(everyMs));
}

/** Reads a stream in the background and notes the fake time at which it ended. */
function startReading(stream: AsyncIterable<StreamPart>) {
  const startedAt = Date.now();
  const reading: { result?: ReadResult; endedAfterMs?: number } = {};
  void readStream(stream).then((result) => {
    reading.result = result;
    reading.endedAfterMs = Date.now() - startedAt;
  });
  return reading;
}

function timeoutIn(result: ReadResult | undefined): TimeoutError {
  const error = AllProvidersFailedError.isInstance(result?.error) ? result.error.failures[0]!.error : result?.error;
  expect(TimeoutError.isInstance(error)).toBe(true);
  return error as TimeoutError;
}

/** Runs the script until it times out, checking that this happens at `atMs` exactly. */
async function expectTimeoutAt(steps: FakeStep[], timeouts: TimeoutSettings, atMs: number): Promise<TimeoutError> {
  const fake = createFakeProvider({ name: 'Slow', script: steps });
  const reading = startReading(registryWith([fake], { retry: once, timeouts }).stream(ask()));
  await vi.advanceTimersByTimeAsync(atMs - 1);
  expect(reading.result).toBeUndefined();
  await vi.advanceTimersByTimeAsync(1);
  expect(reading.endedAfterMs).toBe(atMs);
  expect(fake.calls[0]!.signal?.aborted).toBe(true);
  expect(vi.getTimerCount()).toBe(0);
  return timeoutIn(reading.result);
}

describe('timeouts on fake time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('does not count a long, reported queue against the first token', async () => {
    const fake = createFakeProvider({
      name: 'Queued',
      script: [...heartbeats(12, 900, (delayMs) => queued({ position: 1, queueSize: 4 }, delayMs)), started(), text('done', 900), finish()],
    });
    const events: RoutingEvent[] = [];
    const registry = registryWith([fake], { retry: once, timeouts: { connectMs: 1_000, firstTokenMs: 1_000, queueMs: 60_000 } });
    const reading = startReading(registry.stream(ask(), { onEvent: (event) => events.push(event) }));
    await vi.advanceTimersByTimeAsync(12 * 900 + 900);
    expect(reading.result).toEqual({ parts: expect.any(Array) });
    expect(reading.endedAfterMs).toBe(11_700);
    expect(reading.result!.parts.at(-2)).toEqual({ type: 'text-delta', text: 'done' });
    expect(events.filter((event) => event.type === 'queued')).toHaveLength(12);
    expect(events.find((event) => event.type === 'queued')).toEqual({ type: 'queued', provider: 'Queued', position: 1, queueSize: 4 });
    expect(events.at(-1)).toEqual({ type: 'finish', provider: 'Queued', reason: 'stop', elapsedMs: 11_700 });
  });

  it('fires firstToken at its budget exactly when the provider reports nothing more', async () => {
    const error = await expectTimeoutAt([started(), hang()], { firstTokenMs: 1_000 }, 1_000);
    expect(error).toMatchObject({ phase: 'firstToken', timeoutMs: 1_000, provider: 'Slow' });
  });

  it('restarts firstToken on a queued status: one at 900 ms moves the timeout to 1900 ms', async () => {
    const error = await expectTimeoutAt([queued(), queued({}, 900), hang()], { firstTokenMs: 1_000, queueMs: 60_000 }, 1_900);
    expect(error).toMatchObject({ phase: 'firstToken', timeoutMs: 1_000 });
  });

  it('does not restart firstToken on repeated started parts', async () => {
    const error = await expectTimeoutAt([started(), ...heartbeats(20, 100, (delayMs) => started(delayMs))], { firstTokenMs: 1_000 }, 1_000);
    expect(error.phase).toBe('firstToken');
  });

  it('fires queue at its own budget, from the first queued part, while queued parts keep firstToken alive', async () => {
    const steps = [queued(), ...heartbeats(100, 100, (delayMs) => queued({}, delayMs))];
    const error = await expectTimeoutAt(steps, { firstTokenMs: 400, queueMs: 1_200 }, 1_200);
    expect(error).toMatchObject({ phase: 'queue', timeoutMs: 1_200 });
  });

  it('fires connect when the provider yields nothing at all', async () => {
    const error = await expectTimeoutAt([hang()], { connectMs: 300, firstTokenMs: 1_000 }, 300);
    expect(error).toMatchObject({ phase: 'connect', timeoutMs: 300 });
  });

  it('fires idle when text stops, even while status heartbeats keep coming; the partial text is kept', async () => {
    const fake = createFakeProvider({ name: 'Stalled', script: [text('Hello'), ...heartbeats(30, 250, (delayMs) => started(delayMs))] });
    const reading = startReading(registryWith([fake], { timeouts: { idleMs: 600 } }).stream(ask()));
    await vi.advanceTimersByTimeAsync(599);
    expect(reading.result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(reading.endedAfterMs).toBe(600);
    const { error, parts } = reading.result!;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'idle', timeoutMs: 600, partialText: 'Hello', provider: 'Stalled' });
    expect(parts).toEqual([
      { type: 'text-delta', text: 'Hello' },
      { type: 'status', stage: 'started' },
      { type: 'status', stage: 'started' },
    ]);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.signal?.reason).toBe(error);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fires total across retries at its budget and does not retry it', async () => {
    const first = createFakeProvider({ name: 'First', script: heartbeats(100, 100, (delayMs) => queued({}, delayMs)) });
    const second = createFakeProvider({ name: 'Second', script: [text('never'), finish()] });
    const registry = registryWith([first, second], { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const reading = startReading(registry.stream(ask('hi', { timeouts: { totalMs: 800 } })));
    await vi.advanceTimersByTimeAsync(799);
    expect(reading.result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(reading.endedAfterMs).toBe(800);
    expect(TimeoutError.isInstance(reading.result!.error)).toBe(true);
    expect(reading.result!.error).toMatchObject({ phase: 'total', timeoutMs: 800, retryable: false });
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('retries a timeout before the first token after the computed delay', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const flaky = createFakeProvider({ name: 'Flaky', script: (index) => (index === 0 ? [hang()] : [text('second try'), finish()]) });
    const events: Array<{ event: RoutingEvent; atMs: number }> = [];
    const registry = registryWith([flaky], { retry: { baseDelayMs: 100 }, timeouts: { connectMs: 300 } });
    const startedAt = Date.now();
    const reading = startReading(registry.stream(ask(), { onEvent: (event) => events.push({ event, atMs: Date.now() - startedAt }) }));
    await vi.advanceTimersByTimeAsync(374);
    expect(flaky.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flaky.calls).toHaveLength(2);
    expect(reading.result?.error).toBeUndefined();
    const retry = events.find(({ event }) => event.type === 'retry-scheduled');
    expect(retry).toEqual({
      event: { type: 'retry-scheduled', provider: 'Flaky', attempt: 2, delayMs: 75, reason: expect.any(TimeoutError) },
      atMs: 300,
    });
    expect(retry?.event.type === 'retry-scheduled' && retry.event.reason).toMatchObject({ phase: 'connect' });
    expect(events.filter(({ event }) => event.type === 'attempt-start').map(({ atMs }) => atMs)).toEqual([0, 375]);
  });

  it('lets request timeouts override the registry defaults field by field', async () => {
    const slow = createFakeProvider({ name: 'Slow', script: [started(), text('late', 800), finish()] });
    const registry = registryWith([slow], { retry: once, timeouts: { firstTokenMs: 300, connectMs: 5_000 } });
    const strict = startReading(registry.stream(ask()));
    await vi.advanceTimersByTimeAsync(300);
    expect(strict.endedAfterMs).toBe(300);
    expect(timeoutIn(strict.result)).toMatchObject({ phase: 'firstToken', timeoutMs: 300 });

    const patient = startReading(registry.stream(ask('hi', { timeouts: { firstTokenMs: 1_000 } })));
    await vi.advanceTimersByTimeAsync(800);
    expect(patient.endedAfterMs).toBe(800);
    expect(patient.result).toEqual({
      parts: [{ type: 'status', stage: 'started' }, { type: 'text-delta', text: 'late' }, { type: 'finish', reason: 'stop' }],
    });
  });

  it('does not mistake a slow consumer for an idle upstream', async () => {
    const fast = createFakeProvider({ name: 'Fast', script: [text('a'), text('b'), text('c'), finish()] });
    const registry = registryWith([fast], { timeouts: { idleMs: 300, firstTokenMs: 300 } });
    const startedAt = Date.now();
    const reading = (async () => {
      let received = '';
      for await (const part of registry.stream(ask())) {
        if (part.type === 'text-delta') received += part.text;
        await new Promise((resolve) => setTimeout(resolve, 600));
      }
      return received;
    })();
    await vi.advanceTimersByTimeAsync(2_400);
    expect(await reading).toBe('abc');
    expect(Date.now() - startedAt).toBe(2_400);
  });

  it('names every phase in its error', () => {
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

describe('timeouts on the clock and scheduler given to the registry', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A registry on a manual clock and scheduler, reading one request when `read()` is called. */
  function manualRegistry(fakes: FakeProvider[], options: RegistryOptions, time = createManualTime(5_000)) {
    const events: RoutingEvent[] = [];
    const onEvent = (event: RoutingEvent) => events.push(event);
    const registry = registryWith(fakes, { ...options, clock: time.clock, scheduler: time.scheduler, onEvent });
    let result: ReadResult | undefined;
    const read = () => {
      void readStream(registry.stream(ask())).then((read) => {
        result = read;
      });
    };
    return { time, events, read, result: () => result };
  }

  it('runs attempt deadlines on them', async () => {
    const time = createManualTime(5_000);
    const stalling = createFakeProvider({ name: 'Stalling', script: [queued(), queued({}, 900), hang()], scheduler: time.scheduler });
    const run = manualRegistry([stalling], { retry: once, timeouts: { firstTokenMs: 1_000 } }, time);
    run.read();
    await time.advance(1_899);
    expect(run.result()).toBeUndefined();
    await time.advance(1);
    expect(timeoutIn(run.result())).toMatchObject({ phase: 'firstToken', timeoutMs: 1_000 });
    expect(run.events.at(-1)).toEqual({ type: 'finish', reason: 'error', elapsedMs: 1_900 });
    expect(time.pendingTimers()).toBe(0);
  });

  it('runs the total budget on them', async () => {
    const silent = createFakeProvider({ name: 'Silent', script: [hang()] });
    const run = manualRegistry([silent], { timeouts: { connectMs: 0, firstTokenMs: 0, totalMs: 2_000 } });
    run.read();
    await run.time.advance(1_999);
    expect(run.result()).toBeUndefined();
    await run.time.advance(1);
    expect(run.result()?.error).toMatchObject({ phase: 'total', timeoutMs: 2_000, provider: 'Silent' });
    expect(run.time.pendingTimers()).toBe(0);
  });

  it('runs retry delays on them', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const script = (index: number) => (index === 0 ? [fail(new QueueFullError())] : [text('ok'), finish()]);
    const flaky = createFakeProvider({ name: 'Flaky', script });
    const run = manualRegistry([flaky], { retry: { baseDelayMs: 1_000 } });
    run.read();
    await run.time.advance(749);
    expect(flaky.calls).toHaveLength(1);
    await run.time.advance(1);
    expect(flaky.calls).toHaveLength(2);
    expect(run.result()).toEqual({ parts: [{ type: 'text-delta', text: 'ok' }, { type: 'finish', reason: 'stop' }] });
    expect(run.events.find((event) => event.type === 'retry-scheduled')).toMatchObject({ delayMs: 750 });
    expect(run.events.at(-1)).toEqual({ type: 'finish', provider: 'Flaky', reason: 'stop', elapsedMs: 750 });
    expect(run.time.pendingTimers()).toBe(0);
  });
});
