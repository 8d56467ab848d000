import type { TimeoutSettings } from './chat-request.js';
import type { RoutingEventListener } from './routing-event.js';
import type { RoutingStore } from './routing-store.js';

/** A source of the current time in milliseconds (epoch based by default); injectable for tests. */
export interface Clock {
  now(): number;
}

/**
 * Starts and cancels timers; injectable so that timeout and retry behaviour can be tested
 * on fake time. Default: the global `setTimeout` / `clearTimeout`.
 */
export interface Scheduler {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How failed attempts are repeated on the same provider before the next candidate is tried. */
export interface RetrySettings {
  /** Attempts per provider and request, the first one included. Default 3. */
  maxAttempts?: number;
  /** Delay before the first retry; doubled for each further retry, with jitter. Default 500. */
  baseDelayMs?: number;
  /** Upper bound of the exponential delay. Default 8000. */
  maxDelayMs?: number;
  /** Upper bound applied to a delay the upstream asks for (`retryAfterMs`). Default 10000. */
  maxRetryAfterMs?: number;
}

/** When a failing provider is taken out of routing, and for how long. */
export interface CircuitSettings {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long an open circuit skips the provider before one trial request. Default 30000. */
  cooldownMs?: number;
}

/** Settings of a registry, given to `createRegistry()` or `registry.configure()`. */
export interface RegistryOptions {
  /**
   * Model id or alias used when a request names none. Default: none, and such a request
   * fails with `INVALID_REQUEST`.
   */
  defaultModel?: string;
  /** Default time limits; a request's own `timeouts` win field by field. */
  timeouts?: TimeoutSettings;
  retry?: RetrySettings;
  circuit?: CircuitSettings;
  /** Default proxy URL for every provider; a request's own `proxy` wins. */
  proxy?: string;
  /** Receives the routing events of every request. */
  onEvent?: RoutingEventListener;
  /** Time source for health, elapsed times and timeouts. Default `Date.now()`. */
  clock?: Clock;
  /** Timers for timeouts and retry delays; give it with `clock` for fake time. Default: the global timers. */
  scheduler?: Scheduler;
  /** Jitter source of retry delays, values in [0, 1). Default `Math.random`. */
  random?: () => number;
  /**
   * Where circuits, `working` overrides and concurrency leases live. Give several
   * registries (or gateway processes, with a shared store such as `@switchboard/redis`)
   * the same store and they share them. Default: an in-memory store of this registry alone.
   */
  store?: RoutingStore;
  /**
   * Concurrency limit per provider name, overriding `ProviderMetadata.maxConcurrency`;
   * a non-positive or non-finite value lifts the provider's limit.
   */
  maxConcurrency?: Readonly<Record<string, number>>;
}
