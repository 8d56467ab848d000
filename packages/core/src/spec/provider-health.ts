/**
 * A provider's circuit: `closed` routes normally, `open` skips the provider during a
 * cool-down, `half-open` lets one trial request through to decide.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** The last failure a provider had. */
export interface ProviderLastError {
  code: string;
  message: string;
  /** Clock time of the failure, in milliseconds. */
  time: number;
}

/** What a registry knows about one provider's recent behaviour; see `registry.health()`. */
export interface ProviderHealth {
  provider: string;
  state: CircuitState;
  /** Whether requests are routed to it: the override when set, else `declaredWorking` and a circuit that is not open. */
  working: boolean;
  /** `metadata.working` as registered. */
  declaredWorking: boolean;
  /** The value given to `registry.setWorking()`, when one is in force. */
  workingOverride?: boolean;
  consecutiveFailures: number;
  /** Outcomes of the provider's most recent attempts (up to 20). */
  recentSuccesses: number;
  recentFailures: number;
  /** Clock time when an open circuit lets a trial request through. */
  openUntil?: number;
  lastError?: ProviderLastError;
  /** Clock time of the last successful attempt. */
  lastSuccessTime?: number;
  /** The provider's concurrency limit; the two fields below are present only with one. */
  maxConcurrency?: number;
  /** Slots in use by every registry sharing the routing store, as last known. */
  inFlight?: number;
  /** Requests of this process waiting in line for a slot. */
  waiting?: number;
}
