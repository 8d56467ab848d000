import 'reflect-metadata';

export { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';
export {
  defineOpenAICompatibleProvider,
  type DefinedOpenAICompatibleProvider,
  type OpenAICompatibleProviderOptions,
} from './define-openai-compatible-provider.js';
export {
  openAICompatibleMetadata,
  openAICompatibleSettings,
  type OpenAICompatibleMetadataInput,
} from './openai-compatible-metadata.js';
export { OpenAICompatibleProvider } from './openai-compatible-provider.js';
export {
  defaultMaxEventBytes,
  resolveOpenAICompatibleSettings,
  type OpenAICompatibleSettings,
  type ResolvedOpenAICompatibleSettings,
} from './openai-compatible-settings.js';
