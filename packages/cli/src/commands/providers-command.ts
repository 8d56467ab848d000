import { Command } from 'commander';
import type { ProviderHealth } from '@switchboard/core';
import type { CommandContext } from '../command-context.js';
import { formatTable } from '../output/format-table.js';
import { prepareRegistry } from '../providers/prepare-registry.js';
import { configOption, type RegistryCommandOptions } from './registry-options.js';

interface ProvidersOptions extends RegistryCommandOptions {
  json?: boolean;
}

/** `switchboard providers`: each loaded provider's metadata and health. */
export function providersCommand(context: CommandContext): Command {
  return new Command('providers')
    .description('list the loaded providers: what they declare and their health (no upstream is called)')
    .addOption(configOption())
    .option('--json', 'print JSON on stdout: { providers: [{ ...metadata, health }] }')
    .action(async (options: ProvidersOptions) => {
      const { registry } = await prepareRegistry({ configPath: options.config, cwd: context.io.cwd });
      const health = new Map(registry.health().map((report) => [report.provider, report]));
      const providers = registry.list().map((metadata) => ({ ...metadata, health: health.get(metadata.name) }));
      const { stdout } = context.io;
      if (options.json === true) {
        stdout.write(`${JSON.stringify({ providers }, null, 2)}\n`);
        return;
      }
      const rows = providers.map((provider) => [
        provider.name,
        provider.label,
        describeHealth(provider.health),
        [...provider.models, ...Object.keys(provider.modelAliases)].join(', '),
        provider.url,
      ]);
      stdout.write(formatTable(['NAME', 'LABEL', 'HEALTH', 'MODELS AND ALIASES', 'URL'], rows));
    });
}

function describeHealth(health: ProviderHealth | undefined): string {
  if (health === undefined) return 'unknown';
  const routing = health.working ? 'working' : 'not working';
  return health.state === 'closed' ? routing : `${routing}, circuit ${health.state}`;
}
