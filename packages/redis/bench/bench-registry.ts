import { createRegistry, type ProviderRegistry, type RoutingStore } from '@switchboard/core';
import { ask, createFakeProvider, finish, text } from '@switchboard/core/testing';

/** A registry over `store` with one in-process provider that answers at once, optionally with a concurrency limit. */
export function benchRegistry(store: RoutingStore | undefined, maxConcurrency?: number): ProviderRegistry {
  const fake = createFakeProvider({
    name: 'Bench',
    metadata: maxConcurrency === undefined ? {} : { maxConcurrency },
    script: [text('hello '), text('world'), finish()],
  });
  const registry = createRegistry({ ...(store === undefined ? {} : { store }), timeouts: { queueMs: 60_000 } });
  registry.register(fake.providerClass, fake.metadata);
  fake.calls.length = 0;
  return Object.assign(registry, { clearCalls: () => (fake.calls.length = 0) });
}

/** Streams one request to its end. */
export async function streamOnce(registry: ProviderRegistry): Promise<void> {
  for await (const part of registry.stream(ask())) if (part.type === 'finish') break;
}
