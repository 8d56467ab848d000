import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/**
 * A provider failed with something that is not a Switchboard error, most likely a bug in
 * the provider; `cause` holds what it threw.
 */
export class ProviderError extends SwitchboardError {
  static override readonly code = 'PROVIDER_FAILED';

  constructor(cause: unknown, options: SwitchboardErrorOptions = {}) {
    const where = options.provider ? `Provider ${options.provider}` : 'A provider';
    const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`${where} failed unexpectedly: ${what}`, { ...options, cause });
  }
}
