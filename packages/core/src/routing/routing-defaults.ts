import type { ChatRequest, TimeoutSettings } from '../spec/chat-request.js';
import type { CircuitSettings, Clock, RegistryOptions, RetrySettings, Scheduler } from '../spec/registry-options.js';

/** Time limits used when neither the request nor the registry sets one (`0`: no limit). */
export const defaultTimeouts: Readonly<Required<TimeoutSettings>> = Object.freeze({
  connectMs: 15_000,
  firstTokenMs: 60_000,
  queueMs: 600_000,
  idleMs: 60_000,
  totalMs: 0,
});

/** Retry settings used when the registry sets none. */
export const defaultRetrySettings: Readonly<Required<RetrySettings>> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 10_000,
});

/** Circuit settings used when the registry sets none. */
export const defaultCircuitSettings: Readonly<Required<CircuitSettings>> = Object.freeze({
  failureThreshold: 5,
  cooldownMs: 30_000,
});

/** The wall clock, used unless a registry is given another. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * The global timers, used unless a registry is given another scheduler. They are looked up
 * on each call, so timers faked after this module loaded (vitest's `vi.useFakeTimers()`) apply.
 */
export const systemScheduler: Scheduler = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** The jitter source of retry delays: `Math.random`, looked up on each call. */
export const systemRandom = (): number => Math.random();

/** What applies to one request: its own settings first, then the registry's, then the defaults. */
export function requestSettings(options: RegistryOptions, request: ChatRequest) {
  return {
    timeouts: mergeDefined({ ...defaultTimeouts }, options.timeouts, request.timeouts),
    retry: mergeDefined({ ...defaultRetrySettings }, options.retry),
    proxy: request.proxy ?? options.proxy,
    clock: options.clock ?? systemClock,
    scheduler: options.scheduler ?? systemScheduler,
    random: options.random ?? systemRandom,
    maxConcurrency: options.maxConcurrency,
  };
}

/** The circuit settings of a registry, defaults filled in. */
export function circuitSettings(options: RegistryOptions): Required<CircuitSettings> {
  return mergeDefined({ ...defaultCircuitSettings }, options.circuit);
}

/** `base` with every field of the overrides that is not `undefined`, later overrides winning. */
export function mergeDefined<T extends object>(base: T, ...overrides: ReadonlyArray<Partial<T> | undefined>): T {
  const merged = { ...base };
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override ?? {})) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/**
 * Registry options after `configure(next)`: timeouts, retry and circuit are merged field
 * by field; `proxy`, `onEvent`, `clock`, `scheduler`, `random`, `store` and `maxConcurrency` are
 * replaced when present (even by `undefined`).
 */
export function mergeRegistryOptions(current: RegistryOptions, next: RegistryOptions): RegistryOptions {
  const merged: RegistryOptions = {
    ...current,
    timeouts: mergeDefined(current.timeouts ?? {}, next.timeouts),
    retry: mergeDefined(current.retry ?? {}, next.retry),
    circuit: mergeDefined(current.circuit ?? {}, next.circuit),
  };
  if ('proxy' in next) merged.proxy = next.proxy;
  if ('onEvent' in next) merged.onEvent = next.onEvent;
  if ('clock' in next) merged.clock = next.clock;
  if ('scheduler' in next) merged.scheduler = next.scheduler;
  if ('random' in next) merged.random = next.random;
  if ('store' in next) merged.store = next.store;
  if ('maxConcurrency' in next) merged.maxConcurrency = next.maxConcurrency;
  return merged;
}
