import type { ChatProviderClass } from '../spec/chat-provider.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { ProviderRegistrationOptions, ProviderSettingsOf } from '../spec/registry-types.js';
import { getRegistry } from './global-registry.js';

/**
 * Registers a provider class in the process-wide registry without decorators, e.g. from
 * plain JavaScript. The class needs only a `createAsyncGenerator(request, options)` method.
 */
export function registerProvider<C extends ChatProviderClass>(
  providerClass: C,
  metadata: ProviderMetadata,
  options: ProviderRegistrationOptions<ProviderSettingsOf<C>> = {},
): C {
  return getRegistry().register(providerClass, metadata, options);
}

/**
 * Class decorator: declares the provider's metadata, makes the class injectable and
 * registers it in the process-wide registry when the module is imported. Give its settings
 * later with `registry.configureProvider(TheClass, settings)`.
 */
export function RegisterProvider(metadata: ProviderMetadata) {
  return <T extends ChatProviderClass>(providerClass: T): void => {
    getRegistry().register(providerClass, metadata);
  };
}
