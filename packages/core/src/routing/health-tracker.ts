import { ProviderUnavailableError } from '../errors/provider-unavailable-error.js';
import type { SwitchboardError } from '../errors/switchboard-error.js';
import type { ProviderHealth, ProviderLastError } from '../spec/provider-health.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { CircuitSettings, Clock } from '../spec/registry-options.js';
import type { CircuitTicket, CircuitTransition, MaybePromise, RoutingStore, StoreVerdict } from '../spec/routing-store.js';
import { mapMaybePromise } from './maybe-promise.js';

const recentWindow = 20;

/** Permission for one attempt, to be answered with exactly one outcome. */
export type Admission = CircuitTicket;

interface ProviderRecord {
  recentOutcomes: boolean[];
  lastError?: ProviderLastError;
  lastSuccessTime?: number;
}

/**
 * Health of every provider of one registry. Circuits, overrides and leases live in the
 * routing store (shared when the store is); recent outcomes and the last error stay with
 * the registry. Settings, clock and store are read on each call, so
 * `registry.configure()` applies at once.
 */
export class HealthTracker {
  readonly #records = new Map<string, ProviderRecord>();
  readonly #settings: () => Required<CircuitSettings>;
  readonly #clock: () => Clock;
  readonly #store: () => RoutingStore;

  constructor(settings: () => Required<CircuitSettings>, clock: () => Clock, store: () => RoutingStore) {
    this.#settings = settings;
    this.#clock = clock;
    this.#store = store;
  }

  get store(): RoutingStore {
    return this.#store();
  }

  /** Lets an attempt on the provider through, or says why it is skipped. */
  admit(metadata: ProviderMetadata): MaybePromise<Admission | ProviderUnavailableError> {
    const name = metadata.name;
    const now = this.#clock().now();
    const verdict = this.#store().enter(name, now, metadata.working);
    return mapMaybePromise(verdict, (answer) => admission(name, answer, now), () => ({ provider: name, trial: false }));
  }

  succeed(admission: Admission): MaybePromise<CircuitTransition | undefined> {
    const record = this.#record(admission.provider);
    const now = this.#clock().now();
    record.lastSuccessTime = now;
    this.#remember(record, true);
    return mapMaybePromise(this.#store().succeed(admission, now), (transition) => transition, () => undefined);
  }

  fail(admission: Admission, error: SwitchboardError): MaybePromise<CircuitTransition | undefined> {
    const record = this.#record(admission.provider);
    const now = this.#clock().now();
    record.lastError = { code: error.code, message: error.message, time: now };
    this.#remember(record, false);
    const transition = this.#store().fail(admission, now, this.#settings());
    return mapMaybePromise(transition, (answer) => answer, () => undefined);
  }

  /** Ends an attempt whose outcome says nothing about the provider. */
  release(admission: Admission): void {
    this.#store().release(admission);
  }

  /** Sets (`true`/`false`) or clears (`undefined`) the manual working override. */
  setOverride(name: string, working: boolean | undefined): Promise<void> {
    return Promise.resolve(this.#store().setOverride(name, working)).catch(() => undefined);
  }

  /** Brings the store's view of these providers up to date; never rejects. */
  async refresh(names: readonly string[]): Promise<void> {
    await this.#store().refresh?.(names).catch(() => undefined);
  }

  /** What is known of the provider; `limit` and `waiting` describe its concurrency limit, when it has one. */
  report(metadata: ProviderMetadata, limit?: number, waiting = 0): ProviderHealth {
    const record = this.#record(metadata.name);
    const shared = this.#store().snapshot(metadata.name, this.#clock().now());
    const health: ProviderHealth = {
      provider: metadata.name,
      state: shared.state,
      working: shared.workingOverride ?? (metadata.working && shared.state !== 'open'),
      declaredWorking: metadata.working,
      consecutiveFailures: shared.consecutiveFailures,
      recentSuccesses: record.recentOutcomes.filter(Boolean).length,
      recentFailures: record.recentOutcomes.filter((success) => !success).length,
    };
    if (shared.workingOverride !== undefined) health.workingOverride = shared.workingOverride;
    if (shared.openUntil !== undefined) health.openUntil = shared.openUntil;
    if (record.lastError !== undefined) health.lastError = { ...record.lastError };
    if (record.lastSuccessTime !== undefined) health.lastSuccessTime = record.lastSuccessTime;
    if (limit !== undefined) {
      health.maxConcurrency = limit;
      health.inFlight = shared.leasesInUse ?? 0;
      health.waiting = waiting;
    }
    return health;
  }

  #record(name: string): ProviderRecord {
    let record = this.#records.get(name);
    if (record === undefined) {
      record = { recentOutcomes: [] };
      this.#records.set(name, record);
    }
    return record;
  }

  #remember(record: ProviderRecord, success: boolean): void {
    record.recentOutcomes.push(success);
    if (record.recentOutcomes.length > recentWindow) record.recentOutcomes.shift();
  }
}

function admission(name: string, verdict: StoreVerdict, now: number): Admission | ProviderUnavailableError {
  switch (verdict.type) {
    case 'admitted':
      return verdict.ticket;
    case 'circuit-open':
      return new ProviderUnavailableError(name, 'circuit-open', { retryInMs: Math.max(0, verdict.openUntil - now) });
    default:
      return new ProviderUnavailableError(name, verdict.type);
  }
}
