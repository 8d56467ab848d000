import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** The caller aborted the request. `reason` is the signal's reason, when one was given. */
export class AbortError extends SwitchboardError {
  static override readonly code = 'ABORTED';
  readonly reason: unknown;

  constructor(reason?: unknown, options: SwitchboardErrorOptions = {}) {
    super('The request was aborted.', { ...options, retryable: false });
    this.reason = reason;
  }
}
