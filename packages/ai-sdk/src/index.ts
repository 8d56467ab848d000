export { createSwitchboard, type SwitchboardProvider, type SwitchboardProviderSettings } from './registry-model/create-switchboard.js';
export { SwitchboardLanguageModel, type SwitchboardLanguageModelSettings } from './registry-model/switchboard-language-model.js';
export type { SwitchboardCallOptions } from './registry-model/switchboard-call-options.js';
export type { SwitchboardErrorData } from './registry-model/to-ai-sdk-error.js';
export type {
  SwitchboardFallback,
  SwitchboardResponseMetadata,
  SwitchboardStatusChunk,
} from './registry-model/switchboard-metadata.js';
export {
  languageModelProvider,
  type LanguageModelChatProvider,
  type LanguageModelProviderDefinition,
} from './model-provider/language-model-provider.js';
export type { AnyLanguageModel } from './model-provider/to-language-model-v4.js';
