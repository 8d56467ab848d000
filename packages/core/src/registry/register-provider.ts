import type { ChatProvider, ChatProviderClass } from '../spec/chat-provider.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import { getRegistry } from './global-registry.js';

/**
 * Registers a provider class in the process-wide registry without decorators, e.g. from
 * plain JavaScript. The class needs only a `createAsyncGenerator(request, options)` method.
 */
export function registerProvider<T extends ChatProvider>(
  providerClass: ChatProviderClass<T>,
  metadata: ProviderMetadata,
): ChatProviderClass<T> {
  return getRegistry().register(providerClass, metadata);
}

/**
 * Class decorator: declares the provider's metadata, makes the class injectable (its
 * constructor dependencies are resolved by type) and registers it in the process-wide
 * registry when the module is imported.
 */
export function RegisterProvider(metadata: ProviderMetadata) {
  return <T extends ChatProviderClass>(providerClass: T): void => {
    getRegistry().register(providerClass, metadata);
  };
}
