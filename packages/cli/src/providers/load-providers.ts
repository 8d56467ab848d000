import { findProviderMetadata, type ProviderRegistry } from '@switchboard/core';
import type { ProviderEntry } from '../config/config-schema.js';
import { ConfigError } from '../config/config-error.js';
import { registerOpenAICompatible } from './register-openai-compatible.js';
import { resolveProviderImport } from './resolve-provider-import.js';

/** What loading one provider entry did. */
export interface LoadedProviderEntry {
  /** Names of the providers the entry's code registered (or had registered on an earlier import). */
  providers: string[];
  /** The provider that received the entry's `settings`, if it had any. */
  configured?: string;
}

/** Where entries come from, for resolution and error messages. */
export interface ProviderSource {
  cwd: string;
  /** Module paths are relative to it. */
  configDirectory: string;
  /** The configuration file, named in errors; absent for built-in entries. */
  file?: string;
  /** Field path of the entry list in errors, e.g. `providers`. */
  field: string;
  /** Where `apiKeyEnv` of `openaiCompatible` entries is looked up. Default: `process.env`. */
  environment?: Readonly<Record<string, string | undefined>>;
}

/**
 * Imports each entry's package or module, which registers its providers in `registry`
 * (the process-wide one), then applies the entry's `settings` with
 * `registry.configureProvider()`; registers each `openaiCompatible` entry's upstream itself.
 * Throws `ConfigError` naming the entry at fault.
 */
export async function loadProviders(
  registry: ProviderRegistry,
  entries: readonly ProviderEntry[],
  source: ProviderSource,
): Promise<LoadedProviderEntry[]> {
  const loaded: LoadedProviderEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    loaded.push(await loadProviderEntry(registry, entry, { ...source, field: `${source.field}[${index}]` }));
  }
  return loaded;
}

async function loadProviderEntry(registry: ProviderRegistry, entry: ProviderEntry, source: ProviderSource): Promise<LoadedProviderEntry> {
  if (entry.openaiCompatible !== undefined) {
    return { providers: [registerOpenAICompatible(registry, entry.openaiCompatible, source)] };
  }
  const fail = (message: string, field: string, cause?: unknown) =>
    new ConfigError(message, { file: source.file, field: `${source.field}${field}`, cause });
  const sourceField = entry.module === undefined ? '.package' : '.module';
  let target;
  try {
    target = resolveProviderImport(entry, source.cwd, source.configDirectory);
  } catch (error) {
    throw fail(
      `cannot find "${entry.package}" from ${source.cwd} or among the switchboard command's own packages; ` +
        `install it in this project (npm install ${entry.package}) or load a file with "module"`,
      sourceField,
      error,
    );
  }
  const before = new Set(registry.list().map((metadata) => metadata.name));
  let namespace: Record<string, unknown>;
  try {
    namespace = await import(target.url);
  } catch (error) {
    throw fail(`importing "${target.label}" failed: ${(error as Error)?.message ?? String(error)}`, sourceField, error);
  }
  const providers = registeredBy(registry, namespace, before);
  if (providers.length === 0) {
    throw fail(
      `"${target.label}" registered no provider; its code must call registerProvider() or use @RegisterProvider when imported`,
      sourceField,
    );
  }
  if (entry.name !== undefined && !providers.includes(entry.name)) {
    throw fail(`"${target.label}" registers no provider named "${entry.name}"; it registers ${providers.join(', ')}`, '.name');
  }
  if (entry.settings === undefined) return { providers };
  const configured = entry.name ?? providers[0]!;
  if (entry.name === undefined && providers.length > 1) {
    throw fail(
      `"${target.label}" registers ${providers.length} providers (${providers.join(', ')}); add "name" to say which one receives these settings`,
      '.settings',
    );
  }
  registry.configureProvider(configured, entry.settings);
  return { providers, configured };
}

function registeredBy(registry: ProviderRegistry, namespace: Record<string, unknown>, before: ReadonlySet<string>): string[] {
  const added = registry.list().map((metadata) => metadata.name).filter((name) => !before.has(name));
  const exported = Object.values(namespace)
    .filter((value): value is Function => typeof value === 'function')
    .map((value) => findProviderMetadata(value)?.name)
    .filter((name): name is string => name !== undefined && registry.has(name));
  return [...new Set([...added, ...exported])];
}
