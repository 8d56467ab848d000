import {
  APICallError,
  EmptyResponseBodyError,
  InvalidArgumentError,
  InvalidPromptError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  TypeValidationError,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import {
  ConnectionError,
  InvalidRequestError,
  ProtocolError,
  ProviderError,
  QueueFullError,
  StreamTruncatedError,
  SwitchboardError,
  UpstreamHttpError,
  type SwitchboardErrorOptions,
} from '@switchboard/core';
import { parseRetryAfter } from './parse-retry-after.js';

/** Where the model failed: calling `doStream`, reading its stream, or in an `error` part of it. */
export type FailurePhase = 'call' | 'read' | 'error-part';

const networkCodes = /^(E(CONN(RESET|REFUSED|ABORTED)|TIMEDOUT|PIPE|HOSTUNREACH|NETUNREACH|NETDOWN|NOTFOUND|AI_AGAIN)|UND_ERR_\w+)$/;

/**
 * An AI SDK failure as a Switchboard error, the original kept as `cause`: `APICallError` with
 * status 429 → `QueueFullError`, with another status → `UpstreamHttpError`, without one (the
 * connection failed, or broke after a success status) → `ConnectionError` before the stream and
 * `StreamTruncatedError` while reading it, each retryable when the AI SDK says `isRetryable`;
 * unreadable responses (`JSONParseError`, `TypeValidationError`, `InvalidResponseDataError`…)
 * → `ProtocolError`; a prompt or option the model refuses → `InvalidRequestError`; an error
 * reported inside the stream or a stream that breaks → `StreamTruncatedError`; anything else
 * → `ProviderError`. `context` (provider, model, partial text) is filled in.
 */
export function toSwitchboardError(error: unknown, phase: FailurePhase, context: SwitchboardErrorOptions): SwitchboardError {
  if (SwitchboardError.isInstance(error)) return error;
  const options = { ...context, cause: error };
  if (APICallError.isInstance(error)) return fromAPICallError(error, phase, options);
  if ([JSONParseError, TypeValidationError, InvalidResponseDataError, EmptyResponseBodyError, NoContentGeneratedError].some((kind) => kind.isInstance(error))) {
    return new ProtocolError(`the model's response could not be read: ${(error as Error).message}`, options);
  }
  if ([UnsupportedFunctionalityError, InvalidPromptError, InvalidArgumentError].some((kind) => kind.isInstance(error))) {
    return new InvalidRequestError(`The model refused the request: ${(error as Error).message}`, options);
  }
  const reported = reportedError(error);
  if (reported?.statusCode !== undefined) {
    return new UpstreamHttpError(reported.statusCode, reported.message, { ...options, ...retryableFrom(reported.isRetryable) });
  }
  if (phase === 'error-part') {
    return new StreamTruncatedError(`the model reported an error: ${reported?.message ?? String(error)}`, { ...options, ...retryableFrom(reported?.isRetryable) });
  }
  if (phase === 'read') return new StreamTruncatedError(`the model's stream broke: ${describe(error)}`, options);
  const networkCode = findNetworkCode(error);
  if (networkCode !== undefined) return new ConnectionError(describe(error), { ...options, networkCode });
  return new ProviderError(error, options);
}

function fromAPICallError(error: APICallError, phase: FailurePhase, options: SwitchboardErrorOptions): SwitchboardError {
  const retryAfterMs = parseRetryAfter(error.responseHeaders);
  const shared = { ...options, url: error.url, retryable: error.isRetryable, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : undefined;
  if (status === 429) {
    const cause = new UpstreamHttpError(429, error.message, shared);
    return new QueueFullError({ ...shared, detail: `rate limited with HTTP 429: ${error.message}`, cause });
  }
  if (status !== undefined) return new UpstreamHttpError(status, error.message, shared);
  // A success status with a failure means the response started and then broke.
  if (phase !== 'call') return new StreamTruncatedError(`the model's stream broke: ${describe(error)}`, shared);
  return new ConnectionError(describe(error), { ...shared, networkCode: findNetworkCode(error.cause) });
}

/** An error payload a provider put in an `error` stream part: `{ message, statusCode?, isRetryable? }`. */
function reportedError(error: unknown): { message: string; statusCode?: number; isRetryable?: boolean } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { message, statusCode, isRetryable } = error as Record<string, unknown>;
  if (typeof message !== 'string') return undefined;
  return {
    message,
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof isRetryable === 'boolean' ? { isRetryable } : {}),
  };
}

function retryableFrom(isRetryable: boolean | undefined): { retryable?: boolean } {
  return isRetryable === undefined ? {} : { retryable: isRetryable };
}

function findNetworkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error && !error.message.includes(error.cause.message) ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
