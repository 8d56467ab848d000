import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompletionTracker } from './completion-tracker.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CompletionTracker', () => {
  it('admits up to the limit and again once a lease is released', () => {
    const tracker = new CompletionTracker(2);
    const first = tracker.admit();
    tracker.admit();
    expect(() => tracker.admit()).toThrow(expect.objectContaining({ code: 'GATEWAY_BUSY' }));
    first.release();
    first.release();
    expect(tracker.openCount).toBe(1);
    expect(() => tracker.admit()).not.toThrow();
  });

  it('drains: refuses new leases, waits for open ones within the grace period', async () => {
    const tracker = new CompletionTracker();
    const lease = tracker.admit();
    let drained = false;
    const draining = tracker.drain(1_000).then(() => (drained = true));
    expect(() => tracker.admit()).toThrow(expect.objectContaining({ code: 'GATEWAY_CLOSING' }));
    await vi.advanceTimersByTimeAsync(500);
    expect(drained).toBe(false);
    lease.release();
    await draining;
    expect(lease.signal.aborted).toBe(false);
  });

  it('aborts the leases still open when the grace period ends', async () => {
    const tracker = new CompletionTracker();
    const lease = tracker.admit();
    lease.signal.addEventListener('abort', () => lease.release());
    const draining = tracker.drain(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(lease.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await draining;
    expect(lease.signal.reason).toMatchObject({ code: 'GATEWAY_CLOSING' });
    expect(tracker.openCount).toBe(0);
  });
});
