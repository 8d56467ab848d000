import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitUnlessAborted } from './wait-unless-aborted.js';

/** Settles what the fake clock released: the promise callbacks queued so far. */
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('waitUnlessAborted', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves true once the delay elapsed, and not before; it leaves no listener on the signal', async () => {
    const controller = new AbortController();
    const outcomes: boolean[] = [];
    void waitUnlessAborted(250, controller.signal).then((elapsed) => outcomes.push(elapsed));
    await vi.advanceTimersByTimeAsync(249);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(outcomes).toEqual([true]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('resolves false as soon as the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const waiting = waitUnlessAborted(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves false at once, without a timer, for a signal that already aborted', async () => {
    const waiting = waitUnlessAborted(1_000, AbortSignal.abort());
    expect(vi.getTimerCount()).toBe(0);
    expect(await waiting).toBe(false);
  });

  it('waits for the abort alone when the delay is Infinity', async () => {
    const controller = new AbortController();
    const outcomes: boolean[] = [];
    void waitUnlessAborted(Infinity, controller.signal).then((elapsed) => outcomes.push(elapsed));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(outcomes).toEqual([]);
    controller.abort();
    await flush();
    expect(outcomes).toEqual([false]);
  });

  it.each([0, -5])('waits one event-loop turn for a delay of %d', async (delayMs) => {
    const outcomes: boolean[] = [];
    void waitUnlessAborted(delayMs, new AbortController().signal).then((elapsed) => outcomes.push(elapsed));
    await flush();
    expect(outcomes).toEqual([]);
    expect(vi.getTimerCount()).toBe(1);
    await vi.runOnlyPendingTimersAsync();
    expect(outcomes).toEqual([true]);
  });
});
