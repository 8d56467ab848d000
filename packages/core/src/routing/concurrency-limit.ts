import type { ProviderMetadata } from '../spec/provider-metadata.js';

/**
 * The concurrency limit of a provider: the registry's override for its name, else its
 * metadata's `maxConcurrency`; `undefined` (no limit) unless a positive finite number.
 */
export function concurrencyLimit(
  metadata: ProviderMetadata,
  overrides: Readonly<Record<string, number>> | undefined,
): number | undefined {
  const limit = overrides !== undefined && Object.hasOwn(overrides, metadata.name) ? overrides[metadata.name] : metadata.maxConcurrency;
  return limit !== undefined && Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : undefined;
}
