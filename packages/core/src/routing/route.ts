import type { ChatRequest, TimeoutSettings } from '../spec/chat-request.js';
import type { Clock, RetrySettings, Scheduler } from '../spec/registry-options.js';
import type { ProviderCandidate } from '../spec/registry-types.js';
import type { RoutingEventListener } from '../spec/routing-event.js';
import type { HealthTracker } from './health-tracker.js';

/** Everything the router needs for one request. */
export interface Route {
  /** The model id or alias as requested, for error messages. */
  requestedModel: string;
  candidates: readonly ProviderCandidate[];
  request: ChatRequest;
  timeouts: Required<TimeoutSettings>;
  retry: Required<RetrySettings>;
  proxy?: string;
  health: HealthTracker;
  /** Time source of elapsed times and attempt deadlines. */
  clock: Clock;
  /** Timers of the attempt deadlines, the total budget and retry delays. */
  scheduler: Scheduler;
  /** Jitter source of retry delays, in [0, 1). */
  random: () => number;
  /** Concurrency limits by provider name, overriding the providers' `maxConcurrency`. */
  maxConcurrency?: Readonly<Record<string, number>>;
  signal?: AbortSignal;
  listeners: ReadonlyArray<RoutingEventListener | undefined>;
}

/** What the router knows across the attempts of one request. */
export interface RouteState {
  startedAt: number;
  /** The answer the caller has received so far. */
  text: string;
  /** True once a text part reached the caller: no retry or fallback after that. */
  committed: boolean;
  /** The provider of the attempt running or run last. */
  provider?: string;
  /** Set after a provider failed, until the next provider starts. */
  fallbackFrom?: { provider: string; reason: Error };
}
