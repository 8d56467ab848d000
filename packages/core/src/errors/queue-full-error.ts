import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

export interface QueueFullErrorOptions extends SwitchboardErrorOptions {
  /** The upstream's own explanation, e.g. "Queue is full. Max size is 20 and size is 20." */
  detail?: string;
  /** Delay the upstream asked for in a `retry-after` header, in milliseconds. */
  retryAfterMs?: number;
}

/** The upstream's queue refused the request (Gradio answers 503 on join). Try again later. */
export class QueueFullError extends SwitchboardError {
  static override readonly code = 'QUEUE_FULL';
  readonly detail?: string;
  readonly retryAfterMs?: number;

  constructor(options: QueueFullErrorOptions = {}) {
    const detail = options.detail ? ` (${options.detail})` : '';
    super(`The upstream queue is full${detail}; try again later or use another provider.`, {
      ...options,
      retryable: options.retryable ?? true,
    });
    this.detail = options.detail;
    this.retryAfterMs = options.retryAfterMs;
  }
}
