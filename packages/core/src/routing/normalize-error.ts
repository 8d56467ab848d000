import { ConnectionError } from '../errors/connection-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { SwitchboardError, type SwitchboardErrorOptions } from '../errors/switchboard-error.js';
import { findNetworkCode, retryableNetworkCodes } from '../errors/transport-failure.js';

/**
 * Any failure as a Switchboard error: Switchboard errors are kept, network failures
 * (`ECONNRESET`, `ECONNREFUSED`, undici's `TypeError: fetch failed`…) become a retryable
 * `ConnectionError`, anything else a non-retryable `ProviderError`. Both keep the original as `cause`.
 */
export function normalizeError(error: unknown, context: SwitchboardErrorOptions = {}): SwitchboardError {
  if (SwitchboardError.isInstance(error)) return error;
  const code = findNetworkCode(error);
  const networkCode = code !== undefined && retryableNetworkCodes.has(code) ? code : undefined;
  if (networkCode !== undefined || isFetchFailure(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ConnectionError(reason, { ...context, networkCode, cause: error });
  }
  return new ProviderError(error, context);
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated');
}
