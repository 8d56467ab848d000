import type { CircuitSettings } from '../spec/registry-options.js';
import type { CircuitState } from '../spec/provider-health.js';
import type { CircuitTransition } from '../spec/routing-store.js';

export type { CircuitTransition };

/** How a request may enter: normally, as the single trial of a half-open circuit, or not at all. */
export type CircuitEntry = 'normal' | 'trial' | 'open' | 'trial-in-progress';

/**
 * One provider's circuit. `failureThreshold` consecutive failures open it for `cooldownMs`;
 * after that one trial request is let through: its success closes the circuit, its
 * failure opens it again. An open deadline only ever moves later. Times come from the
 * caller's clock.
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #openUntil = 0;
  #trialInFlight = false;
  #consecutiveFailures = 0;

  get consecutiveFailures(): number {
    return this.#consecutiveFailures;
  }

  /** The state as of `now`: an open circuit whose cool-down is over reads as half-open. */
  state(now: number): CircuitState {
    return this.#state === 'open' && now >= this.#openUntil ? 'half-open' : this.#state;
  }

  /** When an open circuit lets a trial through; `undefined` unless open as of `now`. */
  openUntil(now: number): number | undefined {
    return this.state(now) === 'open' ? this.#openUntil : undefined;
  }

  /** Asks to send a request; a `trial` entry must be followed by exactly one outcome. */
  enter(now: number): CircuitEntry {
    const state = this.state(now);
    if (state === 'closed') return 'normal';
    if (state === 'open') return 'open';
    if (this.#trialInFlight) return 'trial-in-progress';
    this.#state = 'half-open';
    this.#trialInFlight = true;
    return 'trial';
  }

  succeed(trial: boolean): CircuitTransition | undefined {
    this.#consecutiveFailures = 0;
    if (trial) this.#trialInFlight = false;
    if (this.#state === 'closed') return undefined;
    this.#state = 'closed';
    return { type: 'closed' };
  }

  fail(now: number, trial: boolean, settings: Required<CircuitSettings>): CircuitTransition | undefined {
    this.#consecutiveFailures += 1;
    if (trial) this.#trialInFlight = false;
    const tripped = this.#state === 'closed' && this.#consecutiveFailures >= settings.failureThreshold;
    if (!trial && !tripped) return undefined;
    this.#state = 'open';
    this.#openUntil = Math.max(this.#openUntil, now + settings.cooldownMs);
    return { type: 'opened', untilMs: this.#openUntil };
  }

  /** An outcome that says nothing about the provider (caller abort, unsupported model). */
  release(trial: boolean): void {
    if (trial) this.#trialInFlight = false;
  }
}
