import { AbortError, AllProvidersFailedError, InvalidRequestError, SwitchboardError } from '@switchboard/core';

/** How the gateway answers a failure: HTTP status, OpenAI error fields and retry advice. */
export interface ErrorDescription {
  status: number;
  /** OpenAI `error.type`, e.g. `invalid_request_error` or `rate_limit_error`. */
  type: string;
  /** The Switchboard error code, e.g. `QUEUE_FULL`; `INTERNAL` for an unexpected failure. */
  code: string;
  message: string;
  /** The request field at fault, when one is. */
  param: string | null;
  /** When a retry may succeed, if known (sent as `retry-after`). */
  retryAfterMs?: number;
  /** Whether sending the same request again can help (sent as `x-should-retry`). */
  shouldRetry: boolean;
}

const statusByCode: Record<string, number> = {
  INVALID_REQUEST: 400,
  INVALID_API_KEY: 401,
  MODEL_NOT_SUPPORTED: 404,
  NO_PROVIDER_FOR_MODEL: 404,
  PROVIDER_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  QUEUE_FULL: 429,
  CONCURRENCY_LIMIT: 429,
  GATEWAY_BUSY: 429,
  ABORTED: 499,
  PROVIDER_REGISTRATION: 500,
  UPSTREAM_HTTP: 502,
  CONNECTION: 502,
  PROTOCOL: 502,
  STREAM_TRUNCATED: 502,
  GRADIO_APP: 502,
  PROVIDER_FAILED: 502,
  PROVIDER_UNAVAILABLE: 503,
  GATEWAY_CLOSING: 503,
  TIMEOUT: 504,
};

const paramByCode: Record<string, string> = {
  MODEL_NOT_SUPPORTED: 'model',
  NO_PROVIDER_FOR_MODEL: 'model',
  PROVIDER_NOT_FOUND: 'provider',
};

/**
 * The HTTP answer for any failure. Switchboard errors map by `code`; for
 * `ALL_PROVIDERS_FAILED` the status comes from the causes (providers skipped as unavailable
 * are left aside when others were tried): all unavailable → 503, all queue-full → 429,
 * all timeouts → 504, all invalid requests → 400, anything else → 502. An `AbortError`
 * whose reason is a Switchboard error (e.g. the gateway closing) is described by that
 * reason. Other errors are a 500 whose message hides internals.
 */
export function describeError(error: unknown): ErrorDescription {
  if (AbortError.isInstance(error) && SwitchboardError.isInstance(error.reason)) return describeError(error.reason);
  if (!SwitchboardError.isInstance(error)) {
    return {
      status: 500,
      type: 'server_error',
      code: 'INTERNAL',
      message: 'The gateway failed unexpectedly; its log has the details under this request id.',
      param: null,
      shouldRetry: false,
    };
  }
  const status = AllProvidersFailedError.isInstance(error) ? statusOfFailures(error) : (statusByCode[error.code] ?? 500);
  const retryAfterMs = AllProvidersFailedError.isInstance(error)
    ? soonestRetry(error.failures.map((failure) => failure.error))
    : retryHint(error);
  const param = InvalidRequestError.isInstance(error) ? error.param : paramByCode[error.code];
  return {
    status,
    type: errorType(status),
    code: error.code,
    message: error.message,
    param: param ?? null,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    shouldRetry: shouldRetry(status, error),
  };
}

function statusOfFailures(error: AllProvidersFailedError): number {
  const codes = error.failures.map((failure) => (failure.error as { code?: unknown }).code);
  const tried = codes.filter((code) => code !== 'PROVIDER_UNAVAILABLE');
  if (tried.length === 0) return 503;
  if (tried.every((code) => code === 'QUEUE_FULL' || code === 'CONCURRENCY_LIMIT')) return 429;
  if (tried.every((code) => code === 'TIMEOUT')) return 504;
  if (tried.every((code) => code === 'INVALID_REQUEST')) return 400;
  return 502;
}

function shouldRetry(status: number, error: SwitchboardError): boolean {
  if (status === 429 || status === 503) return true;
  if (status < 500) return false;
  if (AllProvidersFailedError.isInstance(error)) {
    return error.failures.some((failure) => SwitchboardError.isInstance(failure.error) && failure.error.retryable);
  }
  return error.retryable;
}

function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 429) return 'rate_limit_error';
  if (status === 503) return 'service_unavailable_error';
  if (status === 504) return 'timeout_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

function retryHint(error: unknown): number | undefined {
  const fields = error as { retryAfterMs?: unknown; retryInMs?: unknown };
  const value = fields.retryAfterMs ?? fields.retryInMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function soonestRetry(errors: readonly unknown[]): number | undefined {
  const hints = errors.map(retryHint).filter((hint): hint is number => hint !== undefined);
  return hints.length === 0 ? undefined : Math.min(...hints);
}
