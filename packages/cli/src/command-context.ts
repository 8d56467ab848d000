import type { EventEmitter } from 'node:events';
import type { CliIo } from './cli-io.js';

/** What every command receives from the program that runs it. */
export interface CommandContext {
  io: CliIo;
  /** Where SIGINT and SIGTERM come from: `process`, or an emitter in tests. */
  signals: Pick<EventEmitter, 'on' | 'off' | 'once'>;
  /** Sets the status the program exits with once the command's action returns. */
  setExitCode(code: number): void;
}
