import { getRegistry, servedNames, type ProviderRegistry } from '@switchboard/core';
import { ConfigError } from '../config/config-error.js';
import type { ProviderEntry } from '../config/config-schema.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { startEmulator, type RunningEmulator } from '../start-emulator.js';
import { loadProviders } from './load-providers.js';

/** The package loaded when there is no configuration file, and served by `--emulator`. */
export const qwenPackage = '@switchboard/provider-qwen2-72b';

/** How a command wants its registry. */
export interface PrepareRegistryOptions {
  /** `--config`: a configuration file, relative to `cwd`. */
  configPath?: string;
  /** `--emulator`: serve the Qwen provider from the built-in Space emulator. */
  emulator?: boolean;
  cwd: string;
}

/** The process-wide registry with the configured providers loaded. */
export interface PreparedRegistry {
  registry: ProviderRegistry;
  config?: LoadedConfig;
  emulator?: RunningEmulator;
  /** Stops the emulator, if one was started. */
  close(): Promise<void>;
}

/**
 * Loads the configuration (or the Qwen provider when there is none), imports the providers
 * it lists into the process-wide registry, applies their settings and the routing settings,
 * and with `emulator` points the Qwen provider at a Space emulator started on 127.0.0.1.
 */
export async function prepareRegistry(options: PrepareRegistryOptions): Promise<PreparedRegistry> {
  const loadedConfig = await loadConfig(options.configPath, options.cwd);
  const config = loadedConfig?.config;
  const registry = getRegistry();
  const entries: ProviderEntry[] = config?.providers ?? [{ package: qwenPackage }];
  const loaded = await loadProviders(registry, entries, {
    cwd: options.cwd,
    configDirectory: loadedConfig?.directory ?? options.cwd,
    file: loadedConfig?.file,
    field: 'providers',
  });
  const emulator = options.emulator === true ? await startEmulator() : undefined;
  try {
    if (emulator !== undefined) {
      const [qwen] = await loadProviders(registry, [{ package: qwenPackage }], { cwd: options.cwd, configDirectory: options.cwd, field: '--emulator' });
      const qwenName = qwen!.providers[0]!;
      const configuredSettings = entries[loaded.findIndex((entry) => entry.configured === qwenName)]?.settings;
      registry.configureProvider(qwenName, { ...configuredSettings, baseUrl: emulator.url });
    }
    registry.configure({
      ...config?.routing,
      ...(config?.proxy === undefined ? {} : { proxy: config.proxy }),
      defaultModel: config?.defaultModel ?? registry.list()[0]?.defaultModel,
    });
    checkDefaultModel(registry, loadedConfig);
  } catch (error) {
    await emulator?.close();
    throw error;
  }
  return { registry, config: loadedConfig, emulator, close: async () => emulator?.close() };
}

function checkDefaultModel(registry: ProviderRegistry, loadedConfig: LoadedConfig | undefined): void {
  const model = loadedConfig?.config.defaultModel;
  if (model === undefined) return;
  const served = registry.list().flatMap((metadata) => servedNames(metadata));
  if (!served.includes(model)) {
    throw new ConfigError(`no loaded provider serves "${model}"; use one of ${[...new Set(served)].join(', ')}`, {
      file: loadedConfig?.file,
      field: 'defaultModel',
    });
  }
}
