import type { Dispatcher } from 'undici';
import { qwen2_72bMetadata } from './qwen2-72b-metadata.js';

/**
 * How the provider reaches the Space. Every field is optional. Give them with
 * `registry.configureProvider(Qwen2_72BProvider, settings)`, at registration, or to
 * `createQwen2_72BProvider(settings)`.
 */
export interface Qwen2_72BSettings {
  /** Space root URL. Default: `QWEN2_72B_URL`, then the public Space. */
  baseUrl?: string;
  /** Hugging Face token, sent as a bearer token. Default: `HF_TOKEN`. */
  hfToken?: string;
  /** Extra headers on every request. Default: none. */
  headers?: Record<string, string>;
  /** Proxy URL for every request (a per-call `request.proxy` wins). Default: none. */
  proxy?: string;
  /** An undici dispatcher to send requests through (wins over `proxy`). Default: undici's global one. */
  dispatcher?: Dispatcher;
}

/** The settings in force: defaults and environment filled in, trailing slashes trimmed. */
export interface ResolvedQwen2_72BSettings extends Qwen2_72BSettings {
  baseUrl: string;
}

/** Fills in what `settings` leaves out from the environment (`QWEN2_72B_URL`, `HF_TOKEN`) and the defaults. */
export function resolveQwen2_72BSettings(
  settings: Qwen2_72BSettings = {},
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedQwen2_72BSettings {
  const baseUrl = settings.baseUrl ?? nonEmpty(environment.QWEN2_72B_URL) ?? qwen2_72bMetadata.url;
  return {
    ...settings,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    hfToken: settings.hfToken ?? nonEmpty(environment.HF_TOKEN),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
