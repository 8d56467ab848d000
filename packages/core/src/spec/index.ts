export type { ChatContentPart, ChatMessage, ChatRole, TextContentPart } from './chat-message.js';
export type { GenerationSetting, GenerationSettings } from './generation-settings.js';
export type { ChatProvider, ChatProviderClass } from './chat-provider.js';
export type { ChatRequest, StreamOptions, TimeoutSettings } from './chat-request.js';
export type { ProviderCapability } from './capability.js';
export type {
  CandidateFilter,
  ModelListing,
  ProviderCandidate,
  ProviderRegistrationOptions,
  ProviderSettingsOf,
  RegistryStreamOptions,
} from './registry-types.js';
export type { ProviderMetadata } from './provider-metadata.js';
export type { CircuitState, ProviderHealth, ProviderLastError } from './provider-health.js';
export type { CircuitSettings, Clock, RegistryOptions, RetrySettings, Scheduler } from './registry-options.js';
export type {
  AttemptStartEvent,
  CircuitClosedEvent,
  CircuitOpenedEvent,
  FallbackEvent,
  FirstTokenEvent,
  QueuedEvent,
  RetryScheduledEvent,
  RoutingEvent,
  RoutingEventListener,
  RoutingFinishEvent,
  StoreRestoredEvent,
  StoreUnavailableEvent,
} from './routing-event.js';
export type {
  CircuitTicket,
  CircuitTransition,
  ConcurrencyLease,
  MaybePromise,
  ProviderStoreSnapshot,
  RoutingStore,
  RoutingStoreEvent,
  RoutingStoreStatus,
  StoreVerdict,
} from './routing-store.js';
export type {
  FinishPart,
  FinishReason,
  StatusPart,
  StreamPart,
  TextDeltaPart,
  TextRevisionPart,
  Usage,
  WarningPart,
} from './stream-part.js';
