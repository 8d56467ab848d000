import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** The upstream stream ended before the answer was complete. `partialText` holds what arrived. */
export class StreamTruncatedError extends SwitchboardError {
  static override readonly code = 'STREAM_TRUNCATED';
  declare partialText: string;

  constructor(reason: string, options: SwitchboardErrorOptions = {}) {
    super(`The upstream stream ended before the answer was complete: ${reason}`, {
      ...options,
      retryable: options.retryable ?? true,
      partialText: options.partialText ?? '',
    });
  }
}
