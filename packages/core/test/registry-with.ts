import { createRegistry } from '../src/registry/global-registry.js';
import type { ProviderRegistry } from '../src/registry/provider-registry.js';
import type { RegistryOptions } from '../src/spec/registry-options.js';
import type { FakeProvider } from '../src/testing/index.js';

/** A fresh registry holding the given fakes, in order. */
export function registryWith(fakes: readonly FakeProvider[], options: RegistryOptions = {}): ProviderRegistry {
  const registry = createRegistry(options);
  for (const fake of fakes) registry.register(fake.providerClass, fake.metadata);
  return registry;
}
