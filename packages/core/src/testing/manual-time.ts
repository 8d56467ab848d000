import type { Clock, Scheduler } from '../spec/registry-options.js';

/**
 * A clock and a scheduler that move only when told to. Give both to a registry
 * (`createRegistry({ clock, scheduler })`) and to the fakes it serves. Waits for pending
 * promise callbacks with the real `setImmediate`, so do not combine it with
 * `vi.useFakeTimers()`, which fakes that too.
 */
export interface ManualTime {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** The current time in milliseconds. */
  now(): number;
  /** Timers started and neither fired nor cleared yet. */
  pendingTimers(): number;
  /**
   * Moves time forward by `ms`, firing each timer that comes due at its own moment, in
   * order; pending promise callbacks run first and after each timer.
   */
  advance(ms: number): Promise<void>;
}

interface ManualTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

/** A `ManualTime` starting at `startMs`. */
export function createManualTime(startMs = 0): ManualTime {
  let now = startMs;
  let lastId = 0;
  const timers = new Map<number, ManualTimer>();
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const nextDue = (until: number): ManualTimer | undefined => {
    let next: ManualTimer | undefined;
    for (const timer of timers.values()) {
      if (timer.dueAt <= until && (next === undefined || timer.dueAt < next.dueAt)) next = timer;
    }
    return next;
  };
  return {
    clock: { now: () => now },
    scheduler: {
      setTimeout(callback, delayMs) {
        lastId += 1;
        timers.set(lastId, { id: lastId, dueAt: now + Math.max(0, delayMs), callback });
        return lastId;
      },
      clearTimeout(handle) {
        timers.delete(handle as number);
      },
    },
    now: () => now,
    pendingTimers: () => timers.size,
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) {
        timers.delete(timer.id);
        now = timer.dueAt;
        timer.callback();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
