import { ProviderUnavailableError } from '../errors/provider-unavailable-error.js';
import type { SwitchboardError } from '../errors/switchboard-error.js';
import type { ProviderHealth, ProviderLastError } from '../spec/provider-health.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { CircuitSettings, Clock } from '../spec/registry-options.js';
import { CircuitBreaker, type CircuitTransition } from './circuit-breaker.js';

const recentWindow = 20;

/** Permission for one attempt, to be answered with exactly one outcome. */
export interface Admission {
  provider: string;
  trial: boolean;
}

interface ProviderRecord {
  breaker: CircuitBreaker;
  override?: boolean;
  recentOutcomes: boolean[];
  lastError?: ProviderLastError;
  lastSuccessTime?: number;
}

/**
 * Health of every provider of one registry: a circuit breaker each, recent outcomes, the
 * last error and the manual `working` override. Settings and clock are read on each call,
 * so `registry.configure()` applies at once.
 */
export class HealthTracker {
  readonly #records = new Map<string, ProviderRecord>();
  readonly #settings: () => Required<CircuitSettings>;
  readonly #clock: () => Clock;

  constructor(settings: () => Required<CircuitSettings>, clock: () => Clock) {
    this.#settings = settings;
    this.#clock = clock;
  }

  /** Lets an attempt on the provider through, or says why it is skipped. */
  admit(metadata: ProviderMetadata): Admission | ProviderUnavailableError {
    const name = metadata.name;
    const record = this.#record(name);
    if (record.override === false) return new ProviderUnavailableError(name, 'disabled');
    if (record.override === true) return { provider: name, trial: false };
    if (!metadata.working) return new ProviderUnavailableError(name, 'not-working');
    const now = this.#clock().now();
    const entry = record.breaker.enter(now);
    if (entry === 'open') {
      const retryInMs = (record.breaker.openUntil(now) ?? now) - now;
      return new ProviderUnavailableError(name, 'circuit-open', { retryInMs });
    }
    if (entry === 'trial-in-progress') return new ProviderUnavailableError(name, 'trial-in-progress');
    return { provider: name, trial: entry === 'trial' };
  }

  succeed(admission: Admission): CircuitTransition | undefined {
    const record = this.#record(admission.provider);
    record.lastSuccessTime = this.#clock().now();
    this.#remember(record, true);
    return record.breaker.succeed(admission.trial);
  }

  fail(admission: Admission, error: SwitchboardError): CircuitTransition | undefined {
    const record = this.#record(admission.provider);
    const now = this.#clock().now();
    record.lastError = { code: error.code, message: error.message, time: now };
    this.#remember(record, false);
    return record.breaker.fail(now, admission.trial, this.#settings());
  }

  /** Ends an attempt whose outcome says nothing about the provider. */
  release(admission: Admission): void {
    this.#record(admission.provider).breaker.release(admission.trial);
  }

  /** Sets (`true`/`false`) or clears (`undefined`) the manual working override. */
  setOverride(name: string, working: boolean | undefined): void {
    this.#record(name).override = working;
  }

  report(metadata: ProviderMetadata): ProviderHealth {
    const record = this.#record(metadata.name);
    const now = this.#clock().now();
    const state = record.breaker.state(now);
    const health: ProviderHealth = {
      provider: metadata.name,
      state,
      working: record.override ?? (metadata.working && state !== 'open'),
      declaredWorking: metadata.working,
      consecutiveFailures: record.breaker.consecutiveFailures,
      recentSuccesses: record.recentOutcomes.filter(Boolean).length,
      recentFailures: record.recentOutcomes.filter((success) => !success).length,
    };
    if (record.override !== undefined) health.workingOverride = record.override;
    const openUntil = record.breaker.openUntil(now);
    if (openUntil !== undefined) health.openUntil = openUntil;
    if (record.lastError !== undefined) health.lastError = { ...record.lastError };
    if (record.lastSuccessTime !== undefined) health.lastSuccessTime = record.lastSuccessTime;
    return health;
  }

  #record(name: string): ProviderRecord {
    let record = this.#records.get(name);
    if (record === undefined) {
      record = { breaker: new CircuitBreaker(), recentOutcomes: [] };
      this.#records.set(name, record);
    }
    return record;
  }

  #remember(record: ProviderRecord, success: boolean): void {
    record.recentOutcomes.push(success);
    if (record.recentOutcomes.length > recentWindow) record.recentOutcomes.shift();
  }
}
