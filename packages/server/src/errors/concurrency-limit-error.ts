import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** The gateway already serves as many chat completions as it is allowed to. Try again shortly. */
export class ConcurrencyLimitError extends SwitchboardError {
  static override readonly code = 'CONCURRENCY_LIMIT';
  readonly limit: number;

  constructor(limit: number, options: SwitchboardErrorOptions = {}) {
    super(
      `The gateway is serving its maximum of ${limit} concurrent chat completions; try again when one has finished.`,
      { ...options, retryable: options.retryable ?? true },
    );
    this.limit = limit;
  }
}
