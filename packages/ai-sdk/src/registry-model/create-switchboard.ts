import { NoSuchModelError, type LanguageModelV4, type ProviderV4 } from '@ai-sdk/provider';
import type { ProviderRegistry } from '@switchboard/core';
import { SwitchboardLanguageModel } from './switchboard-language-model.js';

/** Options of {@link createSwitchboard}. */
export interface SwitchboardProviderSettings {
  /** The registry whose providers answer; e.g. `getRegistry()` or one from `createRegistry()`. */
  registry: ProviderRegistry;
  /** Makes the `id` of each response. Default: `switchboard-` and a random UUID. */
  generateId?: () => string;
}

/**
 * A Switchboard registry as an AI SDK provider: call it with a model id or alias, or use
 * `languageModel(id)`. Only language models exist.
 */
export interface SwitchboardProvider extends ProviderV4 {
  (modelId: string): LanguageModelV4;
  languageModel(modelId: string): LanguageModelV4;
}

/**
 * Makes an AI SDK provider over a registry:
 * `streamText({ model: createSwitchboard({ registry })('qwen-2-72b'), prompt })`.
 * Asking for a name no registered provider serves throws `NoSuchModelError` listing the
 * names that are served; `''` means the registry's default model.
 */
export function createSwitchboard(settings: SwitchboardProviderSettings): SwitchboardProvider {
  const { registry } = settings;
  const languageModel = (modelId: string): LanguageModelV4 => {
    if (modelId !== '' && registry.candidates(modelId).length === 0) {
      const known = registry.models().map((listing) => listing.name);
      throw new NoSuchModelError({
        modelId,
        modelType: 'languageModel',
        message:
          `No registered provider serves model "${modelId}". Served names: ${known.join(', ') || 'none yet'}. ` +
          'Register a provider for it before asking for the model.',
      });
    }
    return new SwitchboardLanguageModel(modelId, settings);
  };
  const unsupported = (modelType: 'embeddingModel' | 'imageModel') => (modelId: string) => {
    throw new NoSuchModelError({ modelId, modelType, message: `Switchboard serves language models only; there is no ${modelType} "${modelId}".` });
  };
  return Object.assign((modelId: string) => languageModel(modelId), {
    specificationVersion: 'v4' as const,
    languageModel,
    embeddingModel: unsupported('embeddingModel'),
    imageModel: unsupported('imageModel'),
  });
}
