import {
  ModelNotSupportedError,
  createRegistry,
  resolveModel,
  servedNames,
  validateProviderMetadata,
  type ChatProviderClass,
} from '@switchboard/core';
import { expect, it } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';

/** Metadata validity and model resolution (default model, every id, every alias). */
export function registerMetadataChecks(context: ConformanceContext, providerClass: ChatProviderClass): void {
  const { metadata } = context;

  it('declares complete and consistent metadata', () => {
    expect(() => validateProviderMetadata(metadata)).not.toThrow();
    expect(() => new URL(metadata.url)).not.toThrow();
    expect(metadata.label.trim()).not.toBe('');
    const settings = metadata.supportedSettings ?? [];
    expect(new Set(settings).size, 'supportedSettings lists a setting twice').toBe(settings.length);
  });

  it('resolves the default model, every model id and every alias', () => {
    expect(resolveModel(metadata, '')).toBe(metadata.defaultModel);
    expect(resolveModel(metadata, undefined)).toBe(metadata.defaultModel);
    for (const model of metadata.models) expect(resolveModel(metadata, model)).toBe(model);
    for (const [alias, model] of Object.entries(metadata.modelAliases)) expect(resolveModel(metadata, alias)).toBe(model);
    expect(() => resolveModel(metadata, 'no-such-model-anywhere')).toThrow(ModelNotSupportedError);
    const registry = createRegistry();
    registry.register(providerClass, metadata);
    for (const name of servedNames(metadata)) {
      expect(registry.candidates(name).map((candidate) => candidate.metadata.name)).toEqual([metadata.name]);
    }
  });
}
