import { ConcurrencyLimitError } from '../errors/concurrency-limit-error.js';
import type { Clock, Scheduler } from '../spec/registry-options.js';
import type { ConcurrencyLease, MaybePromise, RoutingStore } from '../spec/routing-store.js';
import type { StatusPart } from '../spec/stream-part.js';
import { isPromise } from './maybe-promise.js';

/** What a wait for a slot needs from its request. */
export interface SlotWait {
  limit: number;
  /** Longest wait in line (`timeouts.queueMs`); `0`: no limit. */
  queueMs: number;
  signal: AbortSignal;
  clock: Clock;
  scheduler: Scheduler;
  random: () => number;
  /** Told of each `queued` part before it is yielded. */
  onQueued?: (part: StatusPart) => void;
}

interface Waiter {
  wake: () => void;
}

/** What a store that fails to answer grants: routing goes on without a slot rather than stop. */
const unheld: ConcurrencyLease = { release: () => undefined };

const gatesByStore = new WeakMap<RoutingStore, Map<string, ConcurrencyGate>>();

/**
 * The wait line of one provider's concurrency slots, one per store and process, so that
 * every registry of the process sharing a store also shares the line. Requests take slots
 * in arrival order; a freed slot goes to the head of the line.
 */
export class ConcurrencyGate {
  readonly #store: RoutingStore;
  readonly #provider: string;
  readonly #line: Waiter[] = [];
  /** Counts releases and departures, so a waiter notices one that happened while it asked the store. */
  #changes = 0;

  constructor(store: RoutingStore, provider: string) {
    this.#store = store;
    this.#provider = provider;
  }

  /** The gate of `provider` over `store`, created on first use. */
  static of(store: RoutingStore, provider: string): ConcurrencyGate {
    let gates = gatesByStore.get(store);
    if (gates === undefined) {
      gates = new Map();
      gatesByStore.set(store, gates);
    }
    let gate = gates.get(provider);
    if (gate === undefined) {
      gate = new ConcurrencyGate(store, provider);
      gates.set(provider, gate);
    }
    return gate;
  }

  /** Requests of this process waiting in line. */
  get waiting(): number {
    return this.#line.length;
  }

  /** A slot at once when nobody waits and one is free; otherwise `undefined`. */
  tryAcquire(limit: number): MaybePromise<ConcurrencyLease | undefined> {
    if (this.#line.length > 0) return undefined;
    const lease = this.#store.acquireLease(this.#provider, limit);
    return isPromise(lease) ? lease.then((answer) => this.#track(answer), () => this.#track(unheld)) : this.#track(lease);
  }

  /**
   * Waits in line for a slot, yielding a `queued` status part whenever the place in line
   * changes (`position` 0 is the head). Throws `ConcurrencyLimitError` when `queueMs` runs
   * out, and the signal's reason when it aborts.
   */
  async *wait(options: SlotWait): AsyncGenerator<StatusPart, ConcurrencyLease> {
    const waiter: Waiter = { wake: () => undefined };
    this.#line.push(waiter);
    const startedAt = options.clock.now();
    const deadline = options.queueMs > 0 && Number.isFinite(options.queueMs) ? startedAt + options.queueMs : Infinity;
    let reported: number | undefined;
    try {
      for (;;) {
        if (options.signal.aborted) throw options.signal.reason;
        const position = this.#line.indexOf(waiter);
        if (position !== reported) {
          reported = position;
          const part: StatusPart = { type: 'status', stage: 'queued', position, queueSize: this.#line.length };
          options.onQueued?.(part);
          yield part;
          continue;
        }
        if (position === 0) {
          const changes = this.#changes;
          const answer = this.#store.acquireLease(this.#provider, options.limit);
          const lease = this.#track(isPromise(answer) ? await answer.catch(() => unheld) : answer);
          if (lease !== undefined) return lease;
          if (this.#changes !== changes) continue;
        }
        const now = options.clock.now();
        if (now >= deadline) {
          throw new ConcurrencyLimitError(this.#provider, { limit: options.limit, waitedMs: now - startedAt });
        }
        await this.#sleep(waiter, position === 0, deadline - now, options);
      }
    } finally {
      this.#line.splice(this.#line.indexOf(waiter), 1);
      this.#wakeAll();
    }
  }

  #sleep(waiter: Waiter, head: boolean, untilDeadlineMs: number, options: SlotWait): Promise<void> {
    const retryMs = this.#store.leaseRetryMs;
    const pollMs = head && retryMs !== undefined ? retryMs * (0.5 + options.random()) : Infinity;
    const delayMs = Math.min(pollMs, untilDeadlineMs);
    return new Promise((resolve) => {
      const timer = Number.isFinite(delayMs) ? options.scheduler.setTimeout(done, delayMs) : undefined;
      options.signal.addEventListener('abort', done, { once: true });
      waiter.wake = done;
      function done() {
        if (timer !== undefined) options.scheduler.clearTimeout(timer);
        options.signal.removeEventListener('abort', done);
        waiter.wake = () => undefined;
        resolve();
      }
    });
  }

  #track(lease: ConcurrencyLease | undefined): ConcurrencyLease | undefined {
    if (lease === undefined) return undefined;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        lease.release();
        this.#changes += 1;
        this.#line[0]?.wake();
      },
    };
  }

  #wakeAll(): void {
    this.#changes += 1;
    for (const waiter of this.#line) waiter.wake();
  }
}
