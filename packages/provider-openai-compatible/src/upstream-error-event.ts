import { StreamTruncatedError, UpstreamHttpError, type SwitchboardError } from '@switchboard/core';
import { excerpt, readErrorDetails } from './upstream-error-details.js';

/**
 * The typed error for an error the upstream sent inside a stream (`data: {"error": …}`,
 * `event: error`, or a flat `{"object": "error", …}`). When the error carries an HTTP
 * status (`code: 429`, `status: 503`), it is an `UpstreamHttpError` with that status, so
 * retry decisions follow it; otherwise a retryable `StreamTruncatedError` quoting the
 * message. The caller adds the partial text.
 */
export function upstreamErrorEvent(value: unknown, url: string): SwitchboardError {
  const details = readErrorDetails(value) ?? { message: excerpt(JSON.stringify(value) ?? String(value)) };
  const code = details.code === undefined ? '' : ` (${details.code})`;
  if (details.status !== undefined) {
    return new UpstreamHttpError(details.status, `error event in the stream: ${details.message}${code}`, { url });
  }
  return new StreamTruncatedError(`the upstream sent an error event: ${details.message}${code}`, { url });
}
