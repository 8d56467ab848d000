import type { FinishReason } from './stream-part.js';

/** An attempt on one provider begins; `attempt` counts from 1 for each provider. */
export interface AttemptStartEvent {
  type: 'attempt-start';
  provider: string;
  /** Canonical model id sent to the provider. */
  model: string;
  attempt: number;
}

/** The provider reported that the request waits in its upstream queue. */
export interface QueuedEvent {
  type: 'queued';
  provider: string;
  position?: number;
  queueSize?: number;
  etaSeconds?: number;
}

/** The first text part arrived: the answer is committed to this provider. */
export interface FirstTokenEvent {
  type: 'first-token';
  provider: string;
  /** Time since the routed request started, retries and fallbacks included. */
  elapsedMs: number;
}

/** A failed attempt will be repeated on the same provider after `delayMs`. */
export interface RetryScheduledEvent {
  type: 'retry-scheduled';
  provider: string;
  /** Number of the attempt that will run after the delay. */
  attempt: number;
  delayMs: number;
  /** The failure being retried (a `SwitchboardError`). */
  reason: Error;
}

/** The router gives up on provider `from` and tries provider `to`. */
export interface FallbackEvent {
  type: 'fallback';
  from: string;
  to: string;
  /** The last failure of `from` (a `SwitchboardError`). */
  reason: Error;
}

/** Repeated failures opened the provider's circuit: it is skipped until `untilMs` (clock time). */
export interface CircuitOpenedEvent {
  type: 'circuit-opened';
  provider: string;
  untilMs: number;
}

/** A trial request succeeded: the provider is routed to normally again. */
export interface CircuitClosedEvent {
  type: 'circuit-closed';
  provider: string;
}

/**
 * A shared routing store could not reach its backend: routing goes on with this process's
 * local state (circuits, overrides and concurrency limits per process) until it is back.
 * Emitted once per outage, to the registry's `onEvent`.
 */
export interface StoreUnavailableEvent {
  type: 'store-unavailable';
  /** The store's kind, e.g. `redis`. */
  store: string;
  /** What failed (a timeout, a refused connection). */
  reason: Error;
}

/** A shared routing store reached its backend again and shares state once more. */
export interface StoreRestoredEvent {
  type: 'store-restored';
  store: string;
  /** How long the backend was unreachable, in milliseconds. */
  unavailableMs: number;
}

/** The routed request ended; emitted exactly once per request that reached the router. */
export interface RoutingFinishEvent {
  type: 'finish';
  /** The provider that answered or failed last; absent when no attempt ran. */
  provider?: string;
  reason: FinishReason;
  /** Time since the routed request started. */
  elapsedMs: number;
}

/** What the router reports while it serves a request, discriminated on `type`. */
export type RoutingEvent =
  | AttemptStartEvent
  | QueuedEvent
  | FirstTokenEvent
  | RetryScheduledEvent
  | FallbackEvent
  | CircuitOpenedEvent
  | CircuitClosedEvent
  | StoreUnavailableEvent
  | StoreRestoredEvent
  | RoutingFinishEvent;

/** Receives routing events. An exception thrown (or a promise rejected) here is ignored. */
export type RoutingEventListener = (event: RoutingEvent) => void;
