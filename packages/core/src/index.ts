import 'reflect-metadata';

export * from './errors/index.js';
export { findProviderMetadata, defineProviderMetadata } from './metadata/provider-metadata-store.js';
export { validateProviderMetadata } from './metadata/validate-provider-metadata.js';
export { formatPrompt } from './messages/format-prompt.js';
export { getLastUserMessage } from './messages/get-last-user-message.js';
export { getSystemPrompt } from './messages/get-system-prompt.js';
export { BaseProvider } from './mixins/base-provider.js';
export { resolveModel, servedNames } from './mixins/resolve-model.js';
export { withModelResolution } from './mixins/with-model-resolution.js';
export { createRegistry, getRegistry } from './registry/global-registry.js';
export { ProviderRegistry } from './registry/provider-registry.js';
export { RegisterProvider, registerProvider } from './registry/register-provider.js';
export { defaultCircuitSettings, defaultRetrySettings, defaultTimeouts } from './routing/routing-defaults.js';
export type * from './spec/index.js';
export { applyTextPart, isTextPart } from './stream/apply-text-part.js';
export { collectText } from './stream/collect-text.js';
export { textStream } from './stream/text-stream.js';
