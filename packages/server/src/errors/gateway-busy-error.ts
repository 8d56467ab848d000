import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/**
 * The gateway already serves as many chat completions as `maxConcurrentStreams` allows
 * (its own cap, not a provider's `maxConcurrency`). Try again shortly.
 */
export class GatewayBusyError extends SwitchboardError {
  static override readonly code = 'GATEWAY_BUSY';
  readonly limit: number;

  constructor(limit: number, options: SwitchboardErrorOptions = {}) {
    super(
      `The gateway is serving its maximum of ${limit} concurrent chat completions; try again when one has finished.`,
      { ...options, retryable: options.retryable ?? true },
    );
    this.limit = limit;
  }
}
