import { AbortError } from './abort-error.js';
import { ConnectionError } from './connection-error.js';
import { ProtocolError } from './protocol-error.js';
import { StreamTruncatedError } from './stream-truncated-error.js';
import { SwitchboardError } from './switchboard-error.js';

/** Where a failure of an HTTP transport happened, for the typed error built from it. */
export interface TransportFailureContext {
  /** The signal of the request: once it aborted, any failure is an `AbortError`. */
  signal: AbortSignal | undefined;
  /** The URL involved, without credentials or query. */
  url: string;
  /** What was being done, for the message, e.g. "the request to http://host/config" or "POST http://host/v1/chat/completions". */
  action: string;
  /** True once bytes of an event stream arrived: a break is then a truncated stream, not a failed connection. */
  streamStarted?: boolean;
  /** The output values received before the failure. */
  partialOutput?: readonly unknown[] | null;
  /** Removes secrets from text taken over from the underlying error. */
  scrub?: (text: string) => string;
}

/** Codes of failures to reach or keep talking to a server that may pass on a later try. */
export const retryableNetworkCodes: ReadonlySet<string> = new Set([
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

/** undici codes of a response that is not valid HTTP. */
const malformedResponseCodes = new Set(['UND_ERR_HEADERS_OVERFLOW', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

/**
 * The typed error for a failure while talking to an upstream over HTTP (for provider and
 * client authors). In order: `AbortError` when the
 * signal aborted; Switchboard errors unchanged; `StreamTruncatedError` (retryable) when an
 * event stream that had started broke; `ProtocolError` for a response that is not valid
 * HTTP; otherwise `ConnectionError` with the system or undici code as `networkCode`,
 * retryable for refused, reset and timed-out connections and DNS failures, not for the
 * rest (TLS, a proxy that refused the tunnel, a closed dispatcher).
 */
export function transportFailure(error: unknown, context: TransportFailureContext): SwitchboardError {
  const { signal, url } = context;
  const partialOutput = context.partialOutput ?? undefined;
  if (signal?.aborted) return new AbortError(signal.reason, { url, partialOutput, cause: error });
  if (SwitchboardError.isInstance(error)) return error;
  const code = findNetworkCode(error);
  const scrub = context.scrub ?? ((text: string) => text);
  const detail = scrub(describeFailure(error));
  if (context.streamStarted === true) {
    const label = code === undefined ? '' : ` (${code})`;
    return new StreamTruncatedError(`${context.action} broke${label}: ${detail}`, { url, partialOutput, cause: error });
  }
  if (code !== undefined && (code.startsWith('HPE_') || malformedResponseCodes.has(code))) {
    return new ProtocolError(`${context.action} got a response that is not valid HTTP (${code}): ${detail}`, { url, cause: error });
  }
  const retryable = code !== undefined && retryableNetworkCodes.has(code);
  return new ConnectionError(`${context.action} failed: ${detail}. ${adviceFor(code)}`, {
    url,
    networkCode: code,
    retryable,
    partialOutput,
    cause: error,
  });
}

/**
 * The system or undici code of a failure, looked up through its `cause` chain: undici's
 * `request` throws the socket error itself (`code: 'ECONNREFUSED'`), its `fetch` wraps it
 * as `TypeError: fetch failed` with the code on `cause`.
 */
export function findNetworkCode(error: unknown): string | undefined {
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

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error && (error.message === 'fetch failed' || error.message === 'terminated')) {
    return `${error.message}: ${cause.message}`;
  }
  return error.message;
}

function adviceFor(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'Nothing accepts connections at that address: check the URL and that the server is running.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The host name did not resolve: check the URL, the DNS settings or the proxy.';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'The server did not answer in time: try again later, or check the network or proxy.';
    default:
      return code !== undefined && retryableNetworkCodes.has(code)
        ? 'The connection was lost: trying again may succeed.'
        : 'Check the URL, the proxy and the TLS settings; trying again as it is will likely fail the same way.';
  }
}
