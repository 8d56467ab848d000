import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimeoutError } from '../errors/timeout-error.js';
import type { StreamPart } from '../spec/stream-part.js';
import { createManualTime } from '../testing/index.js';
import { AttemptTimer } from './attempt-timer.js';
import { systemClock, systemScheduler } from './routing-defaults.js';

const queued: StreamPart = { type: 'status', stage: 'queued' };
const started: StreamPart = { type: 'status', stage: 'started' };
const token: StreamPart = { type: 'text-delta', text: 'x' };

function startTimer(overrides: Partial<ConstructorParameters<typeof AttemptTimer>[0]> = {}) {
  const fired: TimeoutError[] = [];
  const timer = new AttemptTimer(
    { connectMs: 100, firstTokenMs: 300, queueMs: 1_000, idleMs: 50, totalMs: 0, ...overrides },
    (error) => fired.push(error),
    systemClock,
    systemScheduler,
  );
  timer.start();
  return { timer, fired, phases: () => fired.map((error) => error.phase) };
}

describe('AttemptTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs connect until the first part of any kind', () => {
    const { phases } = startTimer();
    vi.advanceTimersByTime(99);
    expect(phases()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(phases()).toEqual(['connect']);
    vi.advanceTimersByTime(10_000);
    expect(phases()).toEqual(['connect']);
  });

  it('fires firstToken at its budget, and a queued part at 900 ms restarts it', () => {
    const first = startTimer({ connectMs: 0, firstTokenMs: 1_000 });
    first.timer.observe(started);
    vi.advanceTimersByTime(999);
    expect(first.phases()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(first.phases()).toEqual(['firstToken']);

    const second = startTimer({ connectMs: 0, firstTokenMs: 1_000 });
    vi.advanceTimersByTime(900);
    second.timer.observe(queued);
    vi.advanceTimersByTime(999);
    expect(second.phases()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(second.phases()).toEqual(['firstToken']);
    expect(second.fired[0]!.timeoutMs).toBe(1_000);
  });

  it('restarts firstToken on each queued part and gives the queue its own budget', () => {
    const { timer, phases, fired } = startTimer();
    for (let elapsed = 0; elapsed < 750; elapsed += 250) {
      timer.observe(queued);
      vi.advanceTimersByTime(250);
    }
    timer.observe(queued);
    vi.advanceTimersByTime(249);
    expect(phases()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(phases()).toEqual(['queue']);
    expect(fired[0]!.timeoutMs).toBe(1_000);
  });

  it('restarts firstToken once on leaving the queue, not on repeated started parts', () => {
    const { timer, phases } = startTimer();
    timer.observe(queued);
    vi.advanceTimersByTime(250);
    timer.observe(started);
    vi.advanceTimersByTime(250);
    timer.observe(started);
    expect(phases()).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(phases()).toEqual(['firstToken']);
  });

  it('measures idle between text parts; status parts after the first token do not count', () => {
    const { timer, phases } = startTimer();
    timer.observe(token);
    vi.advanceTimersByTime(40);
    timer.observe(token);
    vi.advanceTimersByTime(40);
    timer.observe(started);
    vi.advanceTimersByTime(9);
    expect(phases()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(phases()).toEqual(['idle']);
  });

  it('stands still while paused and leaves no timer when stopped', () => {
    const { timer, phases } = startTimer();
    timer.observe(token);
    timer.pause();
    vi.advanceTimersByTime(5_000);
    timer.resume();
    vi.advanceTimersByTime(49);
    expect(phases()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(phases()).toEqual(['idle']);
    timer.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('treats 0 and Infinity as no limit', () => {
    const { timer, phases } = startTimer({ connectMs: 0, firstTokenMs: Infinity, idleMs: 0 });
    vi.advanceTimersByTime(60_000);
    timer.observe(token);
    vi.advanceTimersByTime(60_000);
    expect(phases()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('AttemptTimer on a given clock and scheduler', () => {
  it('reads deadlines from the clock and runs its one timer on the scheduler', async () => {
    const time = createManualTime(1_000_000);
    const fired: TimeoutError[] = [];
    const timer = new AttemptTimer(
      { connectMs: 100, firstTokenMs: 300, queueMs: 1_000, idleMs: 50, totalMs: 0 },
      (error) => fired.push(error),
      time.clock,
      time.scheduler,
    );
    timer.start();
    expect(time.pendingTimers()).toBe(1);
    timer.observe(token);
    timer.pause();
    expect(time.pendingTimers()).toBe(0);
    await time.advance(10_000);
    timer.resume();
    await time.advance(49);
    expect(fired).toEqual([]);
    await time.advance(1);
    expect(fired.map((error) => error.phase)).toEqual(['idle']);
    expect(time.pendingTimers()).toBe(0);
  });
});
