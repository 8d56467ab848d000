import { ConnectionError } from '../errors/connection-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { SwitchboardError, type SwitchboardErrorOptions } from '../errors/switchboard-error.js';

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Any failure as a Switchboard error: Switchboard errors are kept, network failures
 * (`ECONNRESET`, `ECONNREFUSED`, undici's `TypeError: fetch failed`…) become a retryable
 * `ConnectionError`, anything else a non-retryable `ProviderError`. Both keep the original as `cause`.
 */
export function normalizeError(error: unknown, context: SwitchboardErrorOptions = {}): SwitchboardError {
  if (SwitchboardError.isInstance(error)) return error;
  const networkCode = findNetworkCode(error);
  if (networkCode !== undefined || isFetchFailure(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ConnectionError(reason, { ...context, networkCode, cause: error });
  }
  return new ProviderError(error, context);
}

function findNetworkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated');
}
