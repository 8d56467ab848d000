import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

export interface InvalidRequestErrorOptions extends SwitchboardErrorOptions {
  /** The request field at fault, e.g. `messages`, `messages[2].role` or `temperature`. */
  param?: string;
}

/**
 * The request cannot be served as written: nothing was sent upstream. The message names
 * the field and what a valid value looks like; `param` holds the field's path.
 */
export class InvalidRequestError extends SwitchboardError {
  static override readonly code = 'INVALID_REQUEST';
  readonly param?: string;

  constructor(message: string, options: InvalidRequestErrorOptions = {}) {
    super(message, options);
    this.param = options.param;
  }
}
