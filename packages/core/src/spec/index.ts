export type { ChatMessage, ChatRole } from './chat-message.js';
export type { ChatProvider, ChatProviderClass } from './chat-provider.js';
export type { ChatRequest, StreamOptions, TimeoutSettings } from './chat-request.js';
export type { ProviderCapability } from './capability.js';
export type { CandidateFilter, ModelListing, ProviderCandidate, RegistryStreamOptions } from './registry-types.js';
export type { ProviderMetadata } from './provider-metadata.js';
export type {
  FinishPart,
  FinishReason,
  StatusPart,
  StreamPart,
  TextDeltaPart,
  TextRevisionPart,
} from './stream-part.js';
