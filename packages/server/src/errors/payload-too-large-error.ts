import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** The request body is larger than the gateway accepts. */
export class PayloadTooLargeError extends SwitchboardError {
  static override readonly code = 'PAYLOAD_TOO_LARGE';
  readonly limitBytes: number;

  constructor(limitBytes: number, options: SwitchboardErrorOptions = {}) {
    super(
      `The request body is larger than ${limitBytes} bytes, the gateway's limit; shorten the conversation or raise bodyLimitBytes.`,
      options,
    );
    this.limitBytes = limitBytes;
  }
}
