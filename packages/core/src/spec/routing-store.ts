import type { CircuitState } from './provider-health.js';
import type { CircuitSettings } from './registry-options.js';
import type { StoreRestoredEvent, StoreUnavailableEvent } from './routing-event.js';

/** A value, or a promise of it: stores answer at once when they can, so local routing never waits. */
export type MaybePromise<T> = T | Promise<T>;

/** Permission for one attempt on a provider, answered later with exactly one outcome. */
export interface CircuitTicket {
  readonly provider: string;
  /** Whether this attempt is the single trial of a half-open circuit. */
  readonly trial: boolean;
}

/**
 * A store's answer to "may an attempt go to this provider now?": `admitted` with the
 * ticket to report the outcome on, or why not (`disabled` by a `false` override,
 * `not-working` as declared and not overridden, `circuit-open` until `openUntil`,
 * `trial-in-progress` elsewhere).
 */
export type StoreVerdict =
  | { type: 'admitted'; ticket: CircuitTicket }
  | { type: 'disabled' }
  | { type: 'not-working' }
  | { type: 'circuit-open'; openUntil: number }
  | { type: 'trial-in-progress' };

/** A change of circuit state worth reporting. */
export type CircuitTransition = { type: 'opened'; untilMs: number } | { type: 'closed' };

/** What a store knows about one provider, as of a given time. */
export interface ProviderStoreSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  /** Clock time when an open circuit lets a trial through; set only while open. */
  openUntil?: number;
  /** The `setWorking()` value in force, if any. */
  workingOverride?: boolean;
  /** Concurrency leases held on the provider, by every process sharing the store, when known. */
  leasesInUse?: number;
}

/** One slot of a provider's concurrency limit, held while an attempt runs. */
export interface ConcurrencyLease {
  /** Frees the slot. Idempotent; never throws. */
  release(): void;
}

/** Whether a store shares its state, and whether it can reach its backend. */
export interface RoutingStoreStatus {
  /** `memory`, `redis`… */
  kind: string;
  /** Whether other processes see this state. */
  shared: boolean;
  /** False while a shared store's backend is unreachable and local state answers instead. */
  connected: boolean;
  /** Clock time (epoch ms) of the last change of `connected`. */
  since?: number;
  /** Why the backend is unreachable, while it is. */
  lastError?: string;
}

/** What a store reports about its backend, forwarded to the registry's `onEvent`. */
export type RoutingStoreEvent = StoreUnavailableEvent | StoreRestoredEvent;

/**
 * The routing state that may be shared by many registries, in one process or in many:
 * each provider's circuit (consecutive failures, open-until, the half-open trial), the
 * `working` overrides, and concurrency leases. Per-process details (recent outcomes, last
 * error) stay in the registry.
 *
 * Every method may answer synchronously (the in-memory store always does) or with a
 * promise. A store whose backend is remote must settle every promise within its own
 * operation timeout, answering from local state when the backend is slow or away, and
 * must never reject: routing awaits these answers on the request path.
 */
export interface RoutingStore {
  /**
   * Decides whether an attempt may go to `provider` as of `now` (registry clock): the
   * override first, then `declaredWorking`, then the circuit. A half-open circuit admits
   * exactly one trial at a time across everything sharing the store.
   */
  enter(provider: string, now: number, declaredWorking: boolean): MaybePromise<StoreVerdict>;
  /** The admitted attempt succeeded: failures reset, an open or half-open circuit closes. */
  succeed(ticket: CircuitTicket, now: number): MaybePromise<CircuitTransition | undefined>;
  /**
   * The admitted attempt failed: `failureThreshold` consecutive failures (or a failed trial)
   * open the circuit until `now + cooldownMs`, never shortening a later deadline already set.
   */
  fail(ticket: CircuitTicket, now: number, settings: Required<CircuitSettings>): MaybePromise<CircuitTransition | undefined>;
  /** The admitted attempt ended with an outcome that says nothing about the provider. */
  release(ticket: CircuitTicket): void;
  /** Sets (`true`/`false`) or clears (`undefined`) the `working` override. */
  setOverride(provider: string, working: boolean | undefined): MaybePromise<void>;
  /** The last known state of `provider`; synchronous, so it may lag behind other processes. */
  snapshot(provider: string, now: number): ProviderStoreSnapshot;
  /** Brings the last known state of these providers up to date (within the store's timeout). */
  refresh?(providers: readonly string[]): Promise<void>;
  /** Takes one of `limit` slots of `provider`, or answers `undefined` when all are taken. */
  acquireLease(provider: string, limit: number): MaybePromise<ConcurrencyLease | undefined>;
  /**
   * For a store shared between processes: how often a waiting request asks again for a
   * slot another process may have freed (jittered). Absent: only local releases wake waiters.
   */
  readonly leaseRetryMs?: number;
  status(): RoutingStoreStatus;
  /** Receives `store-unavailable` / `store-restored` changes; returns the unsubscribe function. */
  subscribe?(listener: (event: RoutingStoreEvent) => void): () => void;
}
