import type { GenerationSetting } from './generation-settings.js';

/**
 * What a provider declares about itself, once, at registration. Readable without
 * constructing or calling the provider.
 */
export interface ProviderMetadata {
  /** Unique, stable id of the provider, e.g. `Qwen_Qwen_2_72B`. */
  name: string;
  /** Human-readable name. */
  label: string;
  /** Home page of the back end. */
  url: string;
  /** Whether the provider is believed to work; `false` keeps it out of routing. */
  working: boolean;
  /** Whether a credential is required. */
  needsAuth: boolean;
  /** Whether answers arrive incrementally. */
  supportsStream: boolean;
  /** Whether system messages reach the model as such. */
  supportsSystemMessage: boolean;
  /** Whether earlier turns reach the model as a conversation. */
  supportsMessageHistory: boolean;
  /** Canonical model id used when a request names no model. */
  defaultModel: string;
  /** Canonical model ids the provider serves. */
  models: readonly string[];
  /** Alias → canonical model id. */
  modelAliases: Readonly<Record<string, string>>;
  /**
   * Requests the back end serves at once (a positive integer), counted across every
   * registry sharing the routing store. Requests beyond it wait in line, in order within a
   * process, for up to `timeouts.queueMs`, reported as `queued` status parts; then fail
   * with `ConcurrencyLimitError`. Default: no limit. `RegistryOptions.maxConcurrency` overrides it.
   */
  maxConcurrency?: number;
  /** Higher is tried first among providers serving the same name; default 0. */
  priority?: number;
  /**
   * Generation settings the provider passes to its upstream; any other setting a request
   * carries is reported with a `warning` part. Default: none.
   */
  supportedSettings?: readonly GenerationSetting[];
}
