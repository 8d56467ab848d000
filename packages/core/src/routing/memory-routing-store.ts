import type { CircuitSettings } from '../spec/registry-options.js';
import type {
  CircuitTicket,
  CircuitTransition,
  ConcurrencyLease,
  ProviderStoreSnapshot,
  RoutingStore,
  RoutingStoreStatus,
  StoreVerdict,
} from '../spec/routing-store.js';
import { CircuitBreaker } from './circuit-breaker.js';

interface ProviderState {
  breaker: CircuitBreaker;
  override?: boolean;
  leases: number;
}

/**
 * Routing state in this process's memory: what a registry uses unless given another
 * store. Every answer is synchronous. Give one instance to several registries and they
 * share circuits, overrides and concurrency limits within the process.
 */
export class MemoryRoutingStore implements RoutingStore {
  readonly #providers = new Map<string, ProviderState>();

  enter(provider: string, now: number, declaredWorking: boolean): StoreVerdict {
    const state = this.#state(provider);
    if (state.override === false) return { type: 'disabled' };
    if (state.override === true) return { type: 'admitted', ticket: { provider, trial: false } };
    if (!declaredWorking) return { type: 'not-working' };
    const entry = state.breaker.enter(now);
    if (entry === 'open') return { type: 'circuit-open', openUntil: state.breaker.openUntil(now) ?? now };
    if (entry === 'trial-in-progress') return { type: 'trial-in-progress' };
    return { type: 'admitted', ticket: { provider, trial: entry === 'trial' } };
  }

  succeed(ticket: CircuitTicket): CircuitTransition | undefined {
    return this.#state(ticket.provider).breaker.succeed(ticket.trial);
  }

  fail(ticket: CircuitTicket, now: number, settings: Required<CircuitSettings>): CircuitTransition | undefined {
    return this.#state(ticket.provider).breaker.fail(now, ticket.trial, settings);
  }

  release(ticket: CircuitTicket): void {
    this.#state(ticket.provider).breaker.release(ticket.trial);
  }

  setOverride(provider: string, working: boolean | undefined): void {
    this.#state(provider).override = working;
  }

  snapshot(provider: string, now: number): ProviderStoreSnapshot {
    const state = this.#state(provider);
    const snapshot: ProviderStoreSnapshot = {
      state: state.breaker.state(now),
      consecutiveFailures: state.breaker.consecutiveFailures,
      leasesInUse: state.leases,
    };
    const openUntil = state.breaker.openUntil(now);
    if (openUntil !== undefined) snapshot.openUntil = openUntil;
    if (state.override !== undefined) snapshot.workingOverride = state.override;
    return snapshot;
  }

  acquireLease(provider: string, limit: number): ConcurrencyLease | undefined {
    const state = this.#state(provider);
    if (state.leases >= limit) return undefined;
    state.leases += 1;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        state.leases -= 1;
      },
    };
  }

  status(): RoutingStoreStatus {
    return { kind: 'memory', shared: false, connected: true };
  }

  #state(provider: string): ProviderState {
    let state = this.#providers.get(provider);
    if (state === undefined) {
      state = { breaker: new CircuitBreaker(), leases: 0 };
      this.#providers.set(provider, state);
    }
    return state;
  }
}

/** A new in-memory routing store; see `MemoryRoutingStore`. */
export function createMemoryRoutingStore(): MemoryRoutingStore {
  return new MemoryRoutingStore();
}
