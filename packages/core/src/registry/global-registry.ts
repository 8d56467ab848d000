import 'reflect-metadata';
import { container as rootContainer } from 'tsyringe';
import type { RegistryOptions } from '../spec/registry-options.js';
import { ProviderRegistry } from './provider-registry.js';

const globalRegistryKey = Symbol.for('switchboard.registry');

/**
 * The process-wide registry that `@RegisterProvider` and `registerProvider` add to.
 * Shared by every copy of this package loaded in the process.
 */
export function getRegistry(): ProviderRegistry {
  const holder = globalThis as Record<symbol, ProviderRegistry | undefined>;
  holder[globalRegistryKey] ??= createRegistry();
  return holder[globalRegistryKey];
}

/**
 * A new, isolated registry with its own child container and provider health: nothing is
 * shared with others. `options` sets its default model, timeouts, retry, circuit, proxy, event
 * listener, clock, scheduler and jitter source.
 */
export function createRegistry(options: RegistryOptions = {}): ProviderRegistry {
  return new ProviderRegistry(rootContainer.createChildContainer(), options);
}
