import { createRegistry, type ProviderRegistry, type RegistryOptions, type StreamPart } from '@switchboard/core';
import { createFakeProvider, type FakeProvider, type FakeStep } from '@switchboard/core/testing';

export { createFakeProvider, fail, finish, hang, queued, started, text } from '@switchboard/core/testing';
export type { FakeProvider, FakeStep };

/** Yields any part, e.g. a `text-revision`. */
export const part = (value: StreamPart, delayMs?: number): FakeStep => ({ type: 'part', part: value, delayMs });

/** Routing settings that keep failure tests fast: one attempt per provider. */
export const quickRouting: RegistryOptions = { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } };

/** A fresh registry holding the fakes, in order (they serve `shared-model`, alias `shared`). */
export function registryOf(fakes: readonly FakeProvider[], options: RegistryOptions = quickRouting): ProviderRegistry {
  const registry = createRegistry(options);
  for (const fake of fakes) registry.register(fake.providerClass, fake.metadata);
  return registry;
}

/** One fake named `name` playing `steps` on every call. */
export function fake(name: string, steps: readonly FakeStep[], metadata: FakeProvider['metadata'] | object = {}): FakeProvider {
  return createFakeProvider({ name, script: steps, metadata });
}
