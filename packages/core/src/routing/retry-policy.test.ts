import { describe, expect, it } from 'vitest';
import { GradioAppError } from '../errors/gradio-app-error.js';
import { QueueFullError } from '../errors/queue-full-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import { retryDelay, shouldRetry } from './retry-policy.js';
import { defaultRetrySettings } from './routing-defaults.js';

const settings = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
const full = new QueueFullError();

describe('retryDelay', () => {
  it('doubles the delay per attempt, with jitter between half and all of it, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, full, settings, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, full, settings, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(retryDelay(2, full, settings, () => 0.5)).toBe(150);
  });

  it('waits at least what the upstream asked for, capped', () => {
    expect(retryDelay(1, new QueueFullError({ retryAfterMs: 2_000 }), settings, () => 0)).toBe(2_000);
    expect(retryDelay(1, new UpstreamHttpError(429, '', { retryAfterMs: 60_000 }), settings, () => 0)).toBe(5_000);
    expect(retryDelay(3, new QueueFullError({ retryAfterMs: 10 }), settings, () => 1)).toBe(400);
  });
});

describe('shouldRetry', () => {
  it('retries retryable errors while attempts remain', () => {
    expect(shouldRetry(full, 1, settings)).toBe(true);
    expect(shouldRetry(full, 2, settings)).toBe(true);
    expect(shouldRetry(full, 3, settings)).toBe(false);
    expect(shouldRetry(new TimeoutError('firstToken', 1), 1, settings)).toBe(true);
    expect(shouldRetry(new TimeoutError('total', 1), 1, settings)).toBe(false);
    expect(shouldRetry(new GradioAppError('boom'), 1, settings)).toBe(false);
    expect(shouldRetry(new UpstreamHttpError(404, ''), 1, settings)).toBe(false);
  });

  it('has bounded defaults', () => {
    expect(defaultRetrySettings).toEqual({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 10_000 });
  });
});
