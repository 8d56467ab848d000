import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** The upstream sent something the protocol does not allow: bad JSON, a wrong shape, an oversized event. */
export class ProtocolError extends SwitchboardError {
  static override readonly code = 'PROTOCOL';

  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super(`Protocol error: ${message}`, options);
  }
}
