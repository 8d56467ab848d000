import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

export interface ConcurrencyLimitErrorOptions extends SwitchboardErrorOptions {
  /** The provider's concurrency limit. */
  limit: number;
  /** How long the request waited in line for a slot, in milliseconds. */
  waitedMs: number;
}

/**
 * The provider was serving its concurrency limit (`maxConcurrency`) for the whole time the
 * request could wait in line (`timeouts.queueMs`). Retryable: slots free up as requests end.
 */
export class ConcurrencyLimitError extends SwitchboardError {
  static override readonly code = 'CONCURRENCY_LIMIT';
  readonly limit: number;
  readonly waitedMs: number;

  constructor(providerName: string, options: ConcurrencyLimitErrorOptions) {
    super(
      `Provider ${providerName} is serving its limit of ${options.limit} concurrent requests and no slot freed up ` +
        `within ${options.waitedMs} ms; try again later, allow a longer wait (timeouts.queueMs) or raise maxConcurrency.`,
      { ...options, provider: options.provider ?? providerName, retryable: options.retryable ?? true },
    );
    this.limit = options.limit;
    this.waitedMs = options.waitedMs;
  }
}
