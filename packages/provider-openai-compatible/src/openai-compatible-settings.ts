import { ProviderRegistrationError } from '@switchboard/core';
import type { Dispatcher } from 'undici';

/** Default bound on the size of one server-sent event: 16 MiB. */
export const defaultMaxEventBytes = 16 * 1024 * 1024;

/**
 * How a provider reaches its OpenAI-compatible upstream. Every field is optional. Give them
 * with `registry.configureProvider(TheClass, settings)`, at registration
 * (`registry.register(TheClass, metadata, { settings })`), to the constructor, or as the
 * `defaultSettings` of a subclass.
 */
export interface OpenAICompatibleSettings {
  /** API base URL, up to and including the version segment, e.g. `http://127.0.0.1:11434/v1`. Default: the metadata's `url`. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Default: the variable named by `apiKeyEnv`, else none. */
  apiKey?: string;
  /** Name of the environment variable that holds the API key, e.g. `OPENROUTER_API_KEY`. Default: none. */
  apiKeyEnv?: string;
  /** Extra headers on every request; they win over the provider's own. Default: none. */
  headers?: Readonly<Record<string, string>>;
  /** Proxy URL for every request (a per-call `request.proxy` wins), through an undici `ProxyAgent`. Default: none. */
  proxy?: string;
  /** An undici dispatcher to send requests through (wins over `proxy`). Default: undici's global one. */
  dispatcher?: Dispatcher;
  /**
   * Ask for token counts with `stream_options: { include_usage: true }`. Turn it off for
   * servers that reject the field (old Azure deployments). Default true.
   */
  includeUsage?: boolean;
  /** Bound on the bytes of one server-sent event (or of a JSON answer); past it the stream fails with `ProtocolError`. Default 16 MiB. */
  maxEventBytes?: number;
}

/** The settings in force: defaults and environment filled in, trailing slashes trimmed. */
export interface ResolvedOpenAICompatibleSettings extends OpenAICompatibleSettings {
  baseUrl: string;
  includeUsage: boolean;
  maxEventBytes: number;
}

/**
 * Fills in what `settings` leaves out: `baseUrl` from `fallbackUrl` (the metadata's `url`),
 * `apiKey` from the variable named by `apiKeyEnv`, and the defaults. Throws
 * `ProviderRegistrationError` for a base URL that is not http(s) or a bound that is not a
 * positive integer.
 */
export function resolveOpenAICompatibleSettings(
  settings: OpenAICompatibleSettings,
  fallbackUrl: string,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedOpenAICompatibleSettings {
  const baseUrl = (settings.baseUrl ?? fallbackUrl).trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new ProviderRegistrationError(
      `The OpenAI-compatible base URL ${JSON.stringify(baseUrl)} is not an http(s) URL; set "baseUrl", e.g. http://127.0.0.1:11434/v1.`,
    );
  }
  const maxEventBytes = settings.maxEventBytes ?? defaultMaxEventBytes;
  if (!Number.isSafeInteger(maxEventBytes) || maxEventBytes <= 0) {
    throw new ProviderRegistrationError(`"maxEventBytes" must be a positive integer (got ${String(maxEventBytes)}).`);
  }
  const fromEnvironment = settings.apiKeyEnv === undefined ? undefined : nonEmpty(environment[settings.apiKeyEnv]);
  return {
    ...settings,
    baseUrl,
    apiKey: nonEmpty(settings.apiKey) ?? fromEnvironment,
    includeUsage: settings.includeUsage ?? true,
    maxEventBytes,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
