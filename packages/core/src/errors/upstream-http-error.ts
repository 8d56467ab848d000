import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

export interface UpstreamHttpErrorOptions extends SwitchboardErrorOptions {
  /** Delay the upstream asked for in a `retry-after` header, in milliseconds. */
  retryAfterMs?: number;
}

/** The upstream answered with an HTTP status that is not a success. */
export class UpstreamHttpError extends SwitchboardError {
  static override readonly code = 'UPSTREAM_HTTP';
  readonly status: number;
  /** The start of the response body, for diagnosis. */
  readonly bodyExcerpt: string;
  readonly retryAfterMs?: number;

  constructor(status: number, bodyExcerpt: string, options: UpstreamHttpErrorOptions = {}) {
    const target = options.url ? ` from ${options.url}` : '';
    const body = bodyExcerpt ? `: ${bodyExcerpt}` : '';
    super(`Upstream answered HTTP ${status}${target}${body}`, {
      ...options,
      retryable: options.retryable ?? (status === 408 || status === 429 || status >= 500),
    });
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
    this.retryAfterMs = options.retryAfterMs;
  }
}
