import type { ProviderMetadata } from '../spec/provider-metadata.js';

/**
 * Complete metadata for a provider under test: it works, streams, and serves the model
 * `shared-model` under the alias `shared`. Override the fields a test is about.
 */
export function testMetadata(overrides: Partial<ProviderMetadata> & Pick<ProviderMetadata, 'name'>): ProviderMetadata {
  return {
    label: overrides.name,
    url: 'https://example.invalid',
    working: true,
    needsAuth: false,
    supportsStream: true,
    supportsSystemMessage: false,
    supportsMessageHistory: false,
    defaultModel: 'shared-model',
    models: ['shared-model'],
    modelAliases: { shared: 'shared-model' },
    ...overrides,
  };
}
