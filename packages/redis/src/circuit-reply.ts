import type { CircuitState, ProviderStoreSnapshot } from '@switchboard/core';

/** The shared state of one provider as this process last saw it in Redis. */
export interface SharedState {
  /** As stored: `half-open` only while a trial is claimed. */
  state: CircuitState;
  consecutiveFailures: number;
  openUntil: number;
  override?: boolean;
  leases?: number;
}

/** What the circuit scripts return: the verdict or transition, the trial flag, then the circuit. */
export interface CircuitReply {
  outcome: string;
  trial: boolean;
  shared: SharedState;
}

/** Reads a circuit script's reply `{outcome, trial, state, failures, openUntil, override}`. */
export function parseCircuitReply(reply: unknown): CircuitReply {
  const [outcome, trial, state, failures, openUntil, override] = reply as [string, number, string, string, string, string];
  return {
    outcome: String(outcome),
    trial: Number(trial) === 1,
    shared: sharedState(state, failures, openUntil, override),
  };
}

/** A `SharedState` from the strings Redis holds. */
export function sharedState(state: string, failures: string, openUntil: string, override: string, leases?: unknown): SharedState {
  const shared: SharedState = {
    state: state === 'open' || state === 'half-open' ? state : 'closed',
    consecutiveFailures: Number(failures) || 0,
    openUntil: Number(openUntil) || 0,
  };
  if (override === '1' || override === '0') shared.override = override === '1';
  if (leases !== undefined) shared.leases = Number(leases) || 0;
  return shared;
}

/** The snapshot of a shared state as of `now`: an open circuit past its deadline reads as half-open. */
export function snapshotOf(shared: SharedState, now: number): ProviderStoreSnapshot {
  const state = shared.state === 'open' && now >= shared.openUntil ? 'half-open' : shared.state;
  const snapshot: ProviderStoreSnapshot = { state, consecutiveFailures: shared.consecutiveFailures };
  if (state === 'open') snapshot.openUntil = shared.openUntil;
  if (shared.override !== undefined) snapshot.workingOverride = shared.override;
  if (shared.leases !== undefined) snapshot.leasesInUse = shared.leases;
  return snapshot;
}
