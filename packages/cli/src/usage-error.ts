import { SwitchboardError } from '@switchboard/core';

/** The command was called in a way it cannot run; the message says what to pass instead. */
export class UsageError extends SwitchboardError {
  static override readonly code = 'USAGE';
}
