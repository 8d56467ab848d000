import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** Where a Gradio server reported the failure. */
export type GradioFailureKind = 'event-failed' | 'unexpected-error';

export interface GradioAppErrorOptions extends SwitchboardErrorOptions {
  kind?: GradioFailureKind;
}

/**
 * The Gradio app reported a failure: its event completed with `success: false`, or the
 * stream carried `unexpected_error`. `serverMessage` is null when the app hides its errors.
 */
export class GradioAppError extends SwitchboardError {
  static override readonly code = 'GRADIO_APP';
  readonly serverMessage: string | null;
  readonly kind: GradioFailureKind;

  constructor(serverMessage: string | null, options: GradioAppErrorOptions = {}) {
    const kind = options.kind ?? 'event-failed';
    const text = serverMessage ?? 'the server gave no details (the app hides its error messages)';
    const prefix = kind === 'unexpected-error' ? 'Gradio server error' : 'Gradio app failed';
    super(`${prefix}: ${text}`, options);
    this.serverMessage = serverMessage;
    this.kind = kind;
  }
}
