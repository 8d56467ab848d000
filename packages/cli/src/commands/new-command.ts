import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { newProviderCommand } from './new-provider-command.js';

/**
 * `switchboard new`: generators. Its subcommands take the program's settings (output
 * streams, exit override, help) when they run, since this command gets them only once it is
 * added to the program.
 */
export function newCommand(context: CommandContext): Command {
  return new Command('new')
    .description('create a package in this workspace from a template')
    .addCommand(newProviderCommand(context))
    .hook('preSubcommand', (command, subcommand) => {
      subcommand.copyInheritedSettings(command);
    });
}
