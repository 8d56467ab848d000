import type { CircuitSettings } from '../src/spec/registry-options.js';
import type {
  CircuitTicket,
  RoutingStore,
  RoutingStoreEvent,
  RoutingStoreStatus,
} from '../src/spec/routing-store.js';

/**
 * A routing store that answers every call with a promise, as a remote store does, over
 * `inner`; with `reject`, every promise rejects instead. `emit` sends a store event to subscribers.
 */
export class AsyncStore implements RoutingStore {
  readonly calls: string[] = [];
  readonly #inner: RoutingStore;
  readonly #listeners = new Set<(event: RoutingStoreEvent) => void>();
  reject = false;

  constructor(inner: RoutingStore) {
    this.#inner = inner;
  }

  enter(provider: string, now: number, declaredWorking: boolean) {
    return this.#later('enter', () => this.#inner.enter(provider, now, declaredWorking));
  }

  succeed(ticket: CircuitTicket, now: number) {
    return this.#later('succeed', () => this.#inner.succeed(ticket, now));
  }

  fail(ticket: CircuitTicket, now: number, settings: Required<CircuitSettings>) {
    return this.#later('fail', () => this.#inner.fail(ticket, now, settings));
  }

  release(ticket: CircuitTicket): void {
    this.calls.push('release');
    this.#inner.release(ticket);
  }

  setOverride(provider: string, working: boolean | undefined) {
    return this.#later('setOverride', () => this.#inner.setOverride(provider, working));
  }

  snapshot(provider: string, now: number) {
    return this.#inner.snapshot(provider, now);
  }

  acquireLease(provider: string, limit: number) {
    return this.#later('acquireLease', () => this.#inner.acquireLease(provider, limit));
  }

  status(): RoutingStoreStatus {
    return { kind: 'async-test', shared: true, connected: !this.reject };
  }

  subscribe(listener: (event: RoutingStoreEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get subscribers(): number {
    return this.#listeners.size;
  }

  emit(event: RoutingStoreEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  async #later<T>(name: string, answer: () => T | Promise<T>): Promise<T> {
    this.calls.push(name);
    await Promise.resolve();
    if (this.reject) throw new Error(`${name} failed`);
    return answer();
  }
}
