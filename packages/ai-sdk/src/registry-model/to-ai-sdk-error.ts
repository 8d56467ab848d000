import { APICallError, InvalidArgumentError, InvalidPromptError, NoSuchModelError } from '@ai-sdk/provider';
import {
  AbortError,
  AllProvidersFailedError,
  InvalidRequestError,
  ModelNotSupportedError,
  NoProviderForModelError,
  ProviderNotFoundError,
  SwitchboardError,
  UpstreamHttpError,
  type ChatRequest,
} from '@switchboard/core';

/** What an `APICallError` made from a Switchboard error carries in `data`. */
export interface SwitchboardErrorData {
  /** The Switchboard error's stable `code`, e.g. `STREAM_TRUNCATED`. */
  code: string;
  provider?: string;
  model?: string;
  /** Text streamed to the caller before the failure, every revision applied. */
  partialText?: string;
  /** For `ALL_PROVIDERS_FAILED`: each provider tried, with its failure. */
  failures?: Array<{ provider: string; code?: string; message: string }>;
}

/**
 * A Switchboard failure as the AI SDK error a caller of `generateText` or `streamText`
 * expects, the Switchboard error kept as `cause`:
 * - `ABORTED` stays the Switchboard `AbortError` (named `AbortError`, as the AI SDK expects);
 * - `INVALID_REQUEST` becomes `InvalidPromptError` (messages) or `InvalidArgumentError`;
 * - `NO_PROVIDER_FOR_MODEL` and `MODEL_NOT_SUPPORTED` become `NoSuchModelError`,
 *   `PROVIDER_NOT_FOUND` (an unknown pinned provider) `InvalidArgumentError`;
 * - every upstream failure becomes `APICallError`: `statusCode` from the HTTP status when
 *   there was one, `isRetryable` false for `ALL_PROVIDERS_FAILED` (routing already retried
 *   and fell back) and the error's own `retryable` otherwise, `data` as `SwitchboardErrorData`.
 * Anything that is not a Switchboard error is returned unchanged.
 */
export function toAISDKError(error: unknown, request: ChatRequest): unknown {
  if (!SwitchboardError.isInstance(error) || AbortError.isInstance(error)) return error;
  if (InvalidRequestError.isInstance(error)) {
    if (error.param?.startsWith('messages')) return new InvalidPromptError({ prompt: request.messages, message: error.message, cause: error });
    return new InvalidArgumentError({ argument: error.param ?? 'request', message: error.message, cause: error });
  }
  if (NoProviderForModelError.isInstance(error) || ModelNotSupportedError.isInstance(error)) {
    const modelId = request.model ?? '';
    return withCause(new NoSuchModelError({ modelId, modelType: 'languageModel', message: error.message }), error);
  }
  if (ProviderNotFoundError.isInstance(error)) {
    return new InvalidArgumentError({ argument: 'providerOptions.switchboard.provider', message: error.message, cause: error });
  }
  return toAPICallError(error, request);
}

function toAPICallError(error: SwitchboardError, request: ChatRequest): APICallError {
  const routed = AllProvidersFailedError.isInstance(error);
  const last = routed ? error.failures.at(-1)?.error : error;
  const http = UpstreamHttpError.isInstance(last) ? last : undefined;
  const data: SwitchboardErrorData = {
    code: error.code,
    ...defined({ provider: error.provider ?? (last as SwitchboardError | undefined)?.provider, model: error.model, partialText: error.partialText }),
    ...(routed ? { failures: error.failures.map(describeFailure) } : {}),
  };
  return new APICallError({
    message: error.message,
    url: error.url ?? http?.url ?? `switchboard://${data.provider ?? 'registry'}`,
    requestBodyValues: request,
    statusCode: http?.status,
    responseBody: http?.bodyExcerpt || undefined,
    responseHeaders: http?.retryAfterMs === undefined ? undefined : { 'retry-after-ms': String(http.retryAfterMs) },
    isRetryable: routed ? false : error.retryable,
    data,
    cause: error,
  });
}

function describeFailure({ provider, error }: AllProvidersFailedError['failures'][number]) {
  return { provider, message: error.message, ...defined({ code: (error as Partial<SwitchboardError>).code }) };
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** `NoSuchModelError` takes no cause; keep the Switchboard error reachable all the same. */
function withCause<T extends Error>(error: T, cause: unknown): T {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, configurable: true, writable: true });
  return error;
}
