import type { SwitchboardError } from '../errors/switchboard-error.js';
import type { RetrySettings } from '../spec/registry-options.js';

/**
 * Milliseconds to wait before attempt `failedAttempt + 1` on the same provider: an
 * exponential delay (`baseDelayMs · 2^(failedAttempt-1)`, at most `maxDelayMs`) with equal
 * jitter, so between half and all of it; never shorter than a `retryAfterMs` the upstream
 * asked for, capped at `maxRetryAfterMs`. Pure: `random` (values in [0, 1)) is the only
 * source of jitter, so a fixed one gives an exact delay.
 */
export function retryDelay(
  failedAttempt: number,
  error: SwitchboardError,
  settings: Required<RetrySettings>,
  random: () => number,
): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  const requested = retryAfterOf(error);
  const honoured = requested === undefined ? 0 : Math.min(requested, settings.maxRetryAfterMs);
  return Math.round(Math.max(jittered, honoured));
}

/** Whether a failed attempt may be repeated on the same provider. */
export function shouldRetry(error: SwitchboardError, failedAttempt: number, settings: Required<RetrySettings>): boolean {
  return error.retryable && failedAttempt < settings.maxAttempts;
}

function retryAfterOf(error: SwitchboardError): number | undefined {
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
