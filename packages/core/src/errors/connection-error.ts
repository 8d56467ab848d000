import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

export interface ConnectionErrorOptions extends SwitchboardErrorOptions {
  /** The system or undici error code, e.g. `ECONNRESET` or `UND_ERR_SOCKET`. */
  networkCode?: string;
}

/**
 * The connection to the upstream failed or broke (refused, reset, DNS, socket closed).
 * `networkCode` is the system or undici code when one was found, e.g. `ECONNRESET`.
 */
export class ConnectionError extends SwitchboardError {
  static override readonly code = 'CONNECTION';
  readonly networkCode?: string;

  constructor(reason: string, options: ConnectionErrorOptions = {}) {
    const code = options.networkCode ? ` (${options.networkCode})` : '';
    super(`The connection to the upstream failed${code}: ${reason}`, {
      ...options,
      retryable: options.retryable ?? true,
    });
    this.networkCode = options.networkCode;
  }
}
