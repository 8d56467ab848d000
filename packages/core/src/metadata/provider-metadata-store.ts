import type { ProviderMetadata } from '../spec/provider-metadata.js';

const metadataKey = Symbol.for('switchboard.provider.metadata');

type AnyClass = abstract new (...args: any[]) => unknown;

/** Attaches provider metadata to a class, where `getProviderMetadata` finds it. */
export function defineProviderMetadata(target: AnyClass, metadata: ProviderMetadata): void {
  Object.defineProperty(target, metadataKey, {
    value: Object.freeze({ ...metadata }),
    configurable: true,
    enumerable: false,
  });
}

/** The metadata a class was registered with, or `undefined` when it never was. */
export function findProviderMetadata(target: Function): ProviderMetadata | undefined {
  return (target as unknown as Record<symbol, ProviderMetadata | undefined>)[metadataKey];
}
