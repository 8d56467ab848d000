import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** The gateway is shutting down: a new request was refused, or an open one outlived the grace period. */
export class GatewayClosingError extends SwitchboardError {
  static override readonly code = 'GATEWAY_CLOSING';

  constructor(options: SwitchboardErrorOptions = {}) {
    super('The gateway is shutting down; send the request again (to another instance, or once it is back).', {
      ...options,
      retryable: options.retryable ?? true,
    });
  }
}
