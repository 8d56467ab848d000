import type { ProviderMetadata } from '../spec/provider-metadata.js';

const metadataKey = Symbol.for('switchboard.provider.metadata');

/**
 * Attaches provider metadata to a class, or to one instance (a registry does so for the
 * instances it creates, so a class registered under two names knows which one it is).
 */
export function defineProviderMetadata(target: object, metadata: ProviderMetadata): void {
  Object.defineProperty(target, metadataKey, {
    value: Object.freeze({ ...metadata }),
    configurable: true,
    enumerable: false,
  });
}

/** The metadata a class (or instance) was registered with, or `undefined` when it never was. */
export function findProviderMetadata(target: object): ProviderMetadata | undefined {
  return (target as unknown as Record<symbol, ProviderMetadata | undefined>)[metadataKey];
}
