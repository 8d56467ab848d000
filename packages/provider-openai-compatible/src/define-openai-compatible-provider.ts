import { validateProviderMetadata, type ProviderMetadata } from '@switchboard/core';
import { openAICompatibleMetadata, type OpenAICompatibleMetadataInput } from './openai-compatible-metadata.js';
import { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { resolveOpenAICompatibleSettings, type OpenAICompatibleSettings } from './openai-compatible-settings.js';

/**
 * One OpenAI-compatible back end described as data, e.g. an entry of a config file: its
 * metadata (`name`, `models`, optional `modelAliases`, `defaultModel`, `priority`,
 * `supportedSettings`, `label`…) and its settings (`baseUrl`, `apiKey` or `apiKeyEnv`,
 * `headers`, `proxy`, `includeUsage`…). `url` defaults to `baseUrl`; `needsAuth` to whether
 * `apiKey` or `apiKeyEnv` is given.
 */
export type OpenAICompatibleProviderOptions = Omit<OpenAICompatibleMetadataInput, 'url'> &
  OpenAICompatibleSettings & {
    /** API base URL, e.g. `https://openrouter.ai/api/v1`. */
    baseUrl: string;
    /** Home page for the metadata. Default: `baseUrl`. */
    url?: string;
  };

/** A provider class made from options, and the metadata to register it with. */
export interface DefinedOpenAICompatibleProvider {
  providerClass: new (settings?: OpenAICompatibleSettings) => OpenAICompatibleProvider;
  metadata: ProviderMetadata;
}

const settingNames = ['baseUrl', 'apiKey', 'apiKeyEnv', 'headers', 'proxy', 'dispatcher', 'includeUsage', 'maxEventBytes'] as const;

/**
 * Makes a provider class from options, without registering it anywhere:
 * `const { providerClass, metadata } = defineOpenAICompatibleProvider(options);
 * registry.register(providerClass, metadata);`. The options' settings are the class's
 * defaults; settings given at registration or with `configureProvider` go over them.
 * Throws `ProviderRegistrationError` for incomplete metadata or an invalid base URL.
 */
export function defineOpenAICompatibleProvider(options: OpenAICompatibleProviderOptions): DefinedOpenAICompatibleProvider {
  const defaults: OpenAICompatibleSettings = {};
  const needsAuth = options.needsAuth ?? (options.apiKey !== undefined || options.apiKeyEnv !== undefined);
  const metadataInput: Record<string, unknown> = { ...options, url: options.url ?? options.baseUrl, needsAuth };
  for (const name of settingNames) {
    if (options[name] !== undefined) (defaults as Record<string, unknown>)[name] = options[name];
    delete metadataInput[name];
  }
  const metadata = openAICompatibleMetadata(metadataInput as OpenAICompatibleMetadataInput);
  validateProviderMetadata(metadata);
  resolveOpenAICompatibleSettings(defaults, metadata.url, {});
  const providerClass = class extends OpenAICompatibleProvider {
    static override defaultSettings = defaults;
    static override providerMetadata: ProviderMetadata | undefined = metadata;
  };
  Object.defineProperty(providerClass, 'name', { value: `${metadata.name.replace(/[^\w$]/g, '_')}Provider` });
  return { providerClass, metadata };
}
