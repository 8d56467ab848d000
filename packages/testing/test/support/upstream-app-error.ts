import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** The test chat upstream reported, inside its stream, that generation failed. */
export class UpstreamAppError extends SwitchboardError {
  static override readonly code = 'UPSTREAM_APP';

  constructor(serverMessage: string, options: SwitchboardErrorOptions = {}) {
    super(`The upstream reported a failed generation: ${serverMessage}`, options);
  }
}
