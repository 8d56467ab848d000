import { AbortError, ConnectionError, ProtocolError, StreamTruncatedError, SwitchboardError } from '@switchboard/core';

/** What was going on when the transport failed. */
export interface TransportFailureContext {
  /** Once it aborted, any failure is an `AbortError`. */
  signal: AbortSignal | undefined;
  /** The request URL, without credentials. */
  url: string;
  /** True once a successful response's body was being read: a break is then a truncated stream. */
  bodyStarted: boolean;
}

const retryableNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
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
 * The typed error for anything thrown while talking to the upstream, in order: `AbortError`
 * once the signal aborted; Switchboard errors unchanged; `StreamTruncatedError` when the
 * body of a successful response broke; `ProtocolError` for a response that is not valid
 * HTTP; otherwise `ConnectionError` with the system or undici code as `networkCode`
 * (retryable for refused, reset and timed-out connections and DNS failures).
 */
export function transportFailure(error: unknown, context: TransportFailureContext): SwitchboardError {
  const { signal, url } = context;
  if (signal?.aborted) return new AbortError(signal.reason, { url, cause: error });
  if (SwitchboardError.isInstance(error)) return error;
  const code = findErrorCode(error);
  const detail = describe(error);
  if (context.bodyStarted) {
    return new StreamTruncatedError(`the connection broke${code === undefined ? '' : ` (${code})`}: ${detail}`, { url, cause: error });
  }
  if (code !== undefined && (code.startsWith('HPE_') || code === 'UND_ERR_HEADERS_OVERFLOW')) {
    return new ProtocolError(`the response from ${url} is not valid HTTP (${code}): ${detail}`, { url, cause: error });
  }
  const retryable = code !== undefined && retryableNetworkCodes.has(code);
  return new ConnectionError(`POST ${url} failed: ${detail}. ${adviceFor(code)}`, { url, networkCode: code, retryable, cause: error });
}

/** The system or undici code of a failure, looked up through its `cause` chain. */
function findErrorCode(error: unknown): string | undefined {
  let fallback: string | undefined;
  for (let current = error, depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') {
      if (retryableNetworkCodes.has(code)) return code;
      fallback ??= code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return fallback;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error && error.cause.message !== error.message ? `${error.message}: ${error.cause.message}` : error.message;
}

function adviceFor(code: string | undefined): string {
  if (code === 'ECONNREFUSED') return 'Nothing accepts connections there: check the base URL and that the server is running.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name did not resolve: check the base URL, DNS or the proxy.';
  if (code !== undefined && retryableNetworkCodes.has(code)) return 'The connection was lost or timed out: trying again may succeed.';
  return 'Check the base URL, the proxy and the TLS settings; trying again as it is will likely fail the same way.';
}
