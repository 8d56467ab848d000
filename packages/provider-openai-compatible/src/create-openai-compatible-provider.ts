import { defineOpenAICompatibleProvider, type OpenAICompatibleProviderOptions } from './define-openai-compatible-provider.js';
import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';

/**
 * A provider instance for explicit use, without a registry:
 * `createOpenAICompatibleProvider({ name: 'LocalOllama', baseUrl: 'http://127.0.0.1:11434/v1', models: ['qwen2.5:72b'] })`.
 * Throws `ProviderRegistrationError` for incomplete metadata or an invalid base URL.
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleProviderOptions): OpenAICompatibleProvider {
  const { providerClass } = defineOpenAICompatibleProvider(options);
  return new providerClass();
}
