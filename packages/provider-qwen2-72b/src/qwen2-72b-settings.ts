import type { Dispatcher } from 'undici';
import { qwen2_72bMetadata } from './qwen2-72b-metadata.js';

/** How the provider reaches the Space. Every field is optional. */
export interface Qwen2_72BSettingsInit {
  /** Space root URL; defaults to `QWEN2_72B_URL`, then the public Space. */
  baseUrl?: string;
  /** Hugging Face token, sent as a bearer token; defaults to `HF_TOKEN`. */
  hfToken?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Proxy URL for every request (a per-call `request.proxy` wins). */
  proxy?: string;
  /** An undici dispatcher to send requests through (wins over `proxy`). */
  dispatcher?: Dispatcher;
}

/**
 * The provider's settings, injected into its constructor by type. Override them for a
 * registry with `registry.container.register(Qwen2_72BSettings, { useValue: new Qwen2_72BSettings({...}) })`.
 */
export class Qwen2_72BSettings {
  readonly baseUrl: string;
  readonly hfToken?: string;
  readonly headers?: Record<string, string>;
  readonly proxy?: string;
  readonly dispatcher?: Dispatcher;

  constructor(init: Qwen2_72BSettingsInit = {}) {
    this.baseUrl = (init.baseUrl ?? nonEmpty(process.env.QWEN2_72B_URL) ?? qwen2_72bMetadata.url).replace(/\/+$/, '');
    this.hfToken = init.hfToken ?? nonEmpty(process.env.HF_TOKEN);
    this.headers = init.headers;
    this.proxy = init.proxy;
    this.dispatcher = init.dispatcher;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
