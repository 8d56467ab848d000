import type { GenerationSetting, ProviderMetadata } from '@switchboard/core';

/** Every generation setting the Chat Completions protocol carries. */
export const openAICompatibleSettings: readonly GenerationSetting[] = ['temperature', 'maxOutputTokens', 'topP', 'stop', 'seed'];

/**
 * What an OpenAI-compatible back end must declare: its `name`, API base `url` and `models`.
 * Everything else has a default (see {@link openAICompatibleMetadata}).
 */
export type OpenAICompatibleMetadataInput = Pick<ProviderMetadata, 'name' | 'url' | 'models'> & Partial<ProviderMetadata>;

/**
 * Complete provider metadata for an OpenAI-compatible back end. Defaults: `label` = `name`,
 * `working` true, `needsAuth` false, streaming, system messages and history supported,
 * `defaultModel` = the first of `models`, no aliases, and every generation setting
 * (`temperature`, `maxOutputTokens`, `topP`, `stop`, `seed`) supported.
 */
export function openAICompatibleMetadata(input: OpenAICompatibleMetadataInput): ProviderMetadata {
  return {
    label: input.name,
    working: true,
    needsAuth: false,
    supportsStream: true,
    supportsSystemMessage: true,
    supportsMessageHistory: true,
    defaultModel: input.models[0] ?? '',
    modelAliases: {},
    supportedSettings: openAICompatibleSettings,
    ...withoutUndefined(input),
    name: input.name,
    url: input.url,
    models: input.models,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
