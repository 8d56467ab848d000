import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';

/**
 * Resolves a requested model name for one provider: empty gives the default model, an
 * alias gives its canonical id, a canonical id is kept; anything else throws
 * `ModelNotSupportedError` listing the valid names.
 */
export function resolveModel(metadata: ProviderMetadata, requested?: string): string {
  if (requested === undefined || requested === '') return metadata.defaultModel;
  if (requested === metadata.defaultModel || metadata.models.includes(requested)) return requested;
  const aliased = metadata.modelAliases[requested];
  if (aliased !== undefined) return aliased;
  throw new ModelNotSupportedError(requested, servedNames(metadata), { provider: metadata.name });
}

/** Every name a provider answers to: canonical ids first, then aliases. */
export function servedNames(metadata: ProviderMetadata): string[] {
  return [...new Set([metadata.defaultModel, ...metadata.models, ...Object.keys(metadata.modelAliases)])];
}
