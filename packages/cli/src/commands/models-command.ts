import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { formatTable } from '../output/format-table.js';
import { prepareRegistry } from '../providers/prepare-registry.js';
import { configOption, type RegistryCommandOptions } from './registry-options.js';

interface ModelsOptions extends RegistryCommandOptions {
  json?: boolean;
}

/** `switchboard models`: every model id and alias, and the providers serving it in routing order. */
export function modelsCommand(context: CommandContext): Command {
  return new Command('models')
    .description('list every model id and alias, with the providers that serve it in routing order')
    .addOption(configOption())
    .option('--json', 'print JSON on stdout: { defaultModel, models: [{ name, alias, providers: [{ provider, model }] }] }')
    .action(async (options: ModelsOptions) => {
      const { registry } = await prepareRegistry({ configPath: options.config, cwd: context.io.cwd });
      const models = registry.models().map((listing) => ({
        name: listing.name,
        alias: listing.providers.some((entry) => entry.model !== listing.name),
        providers: listing.providers.map((entry) => ({ provider: entry.provider, model: entry.model })),
      }));
      const { stdout } = context.io;
      if (options.json === true) {
        stdout.write(`${JSON.stringify({ defaultModel: registry.defaultModel ?? null, models }, null, 2)}\n`);
        return;
      }
      const rows = models.map((model) => [
        model.name === registry.defaultModel ? `${model.name} (default)` : model.name,
        model.providers.map((entry) => (entry.model === model.name ? entry.provider : `${entry.provider} → ${entry.model}`)).join(', '),
      ]);
      stdout.write(formatTable(['MODEL', 'PROVIDERS (→ model id, for an alias)'], rows));
    });
}
