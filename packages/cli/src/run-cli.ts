import { CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { ConfigError } from './config/config-error.js';
import { createProgram } from './create-program.js';
import { exitCodes } from './exit-codes.js';
import { formatError } from './output/format-error.js';
import { UsageError } from './usage-error.js';

/**
 * Runs the `switchboard` command with `args` (without the node and script paths) and
 * resolves with the exit status: 0 done, 1 failed while running, 2 bad arguments or
 * configuration, 130 an answer stopped with Ctrl-C.
 */
export async function runCli(args: readonly string[], io: CliIo, signals: CommandContext['signals']): Promise<number> {
  let exitCode: number = exitCodes.success;
  const program = createProgram({ io, signals, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.success : exitCodes.usage;
    io.stderr.write(`${formatError(error)}\n`);
    return ConfigError.isInstance(error) || UsageError.isInstance(error) ? exitCodes.usage : exitCodes.failure;
  }
}
