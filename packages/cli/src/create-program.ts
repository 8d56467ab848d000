import { Command } from 'commander';
import packageJson from '../package.json';
import { chatCommand } from './commands/chat-command.js';
import { modelsCommand } from './commands/models-command.js';
import { newCommand } from './commands/new-command.js';
import { providersCommand } from './commands/providers-command.js';
import { serveCommand } from './commands/serve-command.js';
import type { CommandContext } from './command-context.js';

/**
 * The `switchboard` program and its commands. Help and usage errors go to the context's
 * streams; instead of exiting, the program throws commander's `CommanderError`.
 */
export function createProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('switchboard')
    .description('One streaming interface over many LLM chat back ends, selected by model alias.')
    .version(packageJson.version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`USAGE: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const command of [serveCommand(context), chatCommand(context), modelsCommand(context), providersCommand(context), newCommand(context)]) {
    program.addCommand(command.copyInheritedSettings(program));
  }
  program.addHelpText(
    'after',
    '\nProviders come from switchboard.config.json in the current directory (or --config FILE);\n' +
      'without one, the Qwen2-72B provider is used. --emulator serves it from a built-in Space emulator.',
  );
  return program;
}
