import type { ProviderCapability } from './capability.js';
import type { ChatProvider } from './chat-provider.js';
import type { StreamOptions } from './chat-request.js';
import type { ProviderMetadata } from './provider-metadata.js';
import type { RoutingEventListener } from './routing-event.js';

/** A provider that serves a requested model, with the canonical id it knows the model by. */
export interface ProviderCandidate {
  metadata: ProviderMetadata;
  /** The canonical model id this provider resolves the requested name to. */
  model: string;
  /** The provider instance (created on first access, one per registry). */
  readonly provider: ChatProvider;
}

/** Filters for `registry.candidates()`. */
export interface CandidateFilter {
  /** Capabilities every returned provider must declare. */
  requires?: readonly ProviderCapability[];
}

/** One model id or alias and the providers that serve it, in routing order. */
export interface ModelListing {
  name: string;
  providers: ReadonlyArray<{ provider: string; model: string }>;
}

/** Options for `registry.stream()` and `registry.complete()`. */
export interface RegistryStreamOptions extends StreamOptions, CandidateFilter {
  /** Receives this request's routing events, after the registry's own listener. */
  onEvent?: RoutingEventListener;
}

/** Options for `registry.register()`. */
export interface ProviderRegistrationOptions<TSettings = unknown> {
  /**
   * The provider's settings, injected into its constructor under its settings token
   * (see `providerSettingsToken`). Default: `{}`, so the provider reads its environment.
   */
  settings?: TSettings;
}

/** The settings a provider class takes: the type of its first constructor parameter. */
export type ProviderSettingsOf<TClass> = TClass extends new (settings?: infer TSettings, ...rest: any[]) => unknown
  ? TSettings
  : TClass extends new (settings: infer TSettings, ...rest: any[]) => unknown
    ? TSettings
    : never;
