import { ProviderRegistrationError, type ProviderRegistry } from '@switchboard/core';
import { defineOpenAICompatibleProvider } from '@switchboard/provider-openai-compatible';
import { ConfigError } from '../config/config-error.js';
import type { OpenAICompatibleEntry } from '../config/openai-compatible-entry-schema.js';

/** Where an `openaiCompatible` entry sits, for error messages. */
export interface OpenAICompatibleEntrySource {
  /** The configuration file, when there is one. */
  file?: string;
  /** Field path of the entry, e.g. `providers[1]`. */
  field: string;
  /** Where `apiKeyEnv` is looked up. Default: `process.env`. */
  environment?: Readonly<Record<string, string | undefined>>;
}

/**
 * Registers the upstream an `openaiCompatible` entry describes in `registry`, with the
 * entry's `priority`, and returns the provider's name. The API key is read now from the
 * variable named by `apiKeyEnv`, so that a missing key fails at start rather than as a 401
 * on the first request; it goes to the provider's settings, never into its metadata.
 * Throws `ConfigError` naming the field at fault.
 */
export function registerOpenAICompatible(
  registry: ProviderRegistry,
  entry: OpenAICompatibleEntry,
  source: OpenAICompatibleEntrySource,
): string {
  const field = `${source.field}.openaiCompatible`;
  const fail = (message: string, at: string, cause?: unknown) => new ConfigError(message, { file: source.file, field: `${field}${at}`, cause });
  const environment = source.environment ?? process.env;
  const apiKey = entry.apiKeyEnv === undefined ? undefined : environment[entry.apiKeyEnv]?.trim();
  if (entry.apiKeyEnv !== undefined && !apiKey) {
    throw fail(
      `the environment variable ${entry.apiKeyEnv} is not set; set it to the API key of ${entry.baseUrl}, ` +
        'or remove "apiKeyEnv" if the server needs no key',
      '.apiKeyEnv',
    );
  }
  if (registry.has(entry.name)) {
    throw fail(`a provider named "${entry.name}" is already registered; give this upstream another "name"`, '.name');
  }
  try {
    const { providerClass, metadata } = defineOpenAICompatibleProvider({ ...entry, apiKey });
    registry.register(providerClass, metadata);
  } catch (error) {
    if (!ProviderRegistrationError.isInstance(error)) throw error;
    throw fail((error as Error).message, '', error);
  }
  return entry.name;
}
