export { AbortError } from './abort-error.js';
export { AllProvidersFailedError, type ProviderFailure } from './all-providers-failed-error.js';
export { ConcurrencyLimitError, type ConcurrencyLimitErrorOptions } from './concurrency-limit-error.js';
export { ConnectionError, type ConnectionErrorOptions } from './connection-error.js';
export { InvalidRequestError, type InvalidRequestErrorOptions } from './invalid-request-error.js';
export { GradioAppError, type GradioAppErrorOptions, type GradioFailureKind } from './gradio-app-error.js';
export { ModelNotSupportedError } from './model-not-supported-error.js';
export { NoProviderForModelError } from './no-provider-for-model-error.js';
export { ProtocolError } from './protocol-error.js';
export { ProviderError } from './provider-error.js';
export { ProviderNotFoundError } from './provider-not-found-error.js';
export { ProviderRegistrationError } from './provider-registration-error.js';
export {
  ProviderUnavailableError,
  type ProviderUnavailableErrorOptions,
  type UnavailableReason,
} from './provider-unavailable-error.js';
export { QueueFullError, type QueueFullErrorOptions } from './queue-full-error.js';
export { StreamTruncatedError } from './stream-truncated-error.js';
export { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';
export { TimeoutError, type TimeoutPhase } from './timeout-error.js';
export { UpstreamHttpError, type UpstreamHttpErrorOptions } from './upstream-http-error.js';
export { annotateError, type ErrorContext } from './annotate-error.js';
export {
  findNetworkCode,
  retryableNetworkCodes,
  transportFailure,
  type TransportFailureContext,
} from './transport-failure.js';
