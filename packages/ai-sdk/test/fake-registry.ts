import { createRegistry, type ProviderRegistry, type RegistryOptions, type StreamPart } from '@switchboard/core';
import { createFakeProvider, type FakeProvider, type FakeProviderOptions, type FakeStep } from '@switchboard/core/testing';

export { fail, finish, hang, queued, started, text } from '@switchboard/core/testing';

/** Yields any part, e.g. a revision or a finish with usage. */
export const part = (value: StreamPart, delayMs?: number): FakeStep => ({ type: 'part', part: value, delayMs });

/** A fake provider serving `shared` (→ `shared-model`), as `createFakeProvider` makes it. */
export const fake = (name: string, script: FakeProviderOptions['script'], metadata: FakeProviderOptions['metadata'] = {}): FakeProvider =>
  createFakeProvider({ name, script, metadata });

/** A fresh registry holding `fakes` in order, one attempt per provider unless `options` say otherwise. */
export function registryOf(fakes: readonly FakeProvider[], options: RegistryOptions = {}): ProviderRegistry {
  const registry = createRegistry({ retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 }, ...options });
  for (const provider of fakes) registry.register(provider.providerClass, provider.metadata);
  return registry;
}
