import { QueueFullError, UpstreamHttpError, type SwitchboardError } from '@switchboard/core';
import type { Dispatcher } from 'undici';
import { parseRetryAfter } from './parse-retry-after.js';
import { readBodyText } from './read-body-text.js';
import { excerpt, readErrorDetails } from './upstream-error-details.js';

const errorBodyLimitBytes = 32 * 1024;

/** Where the failed response came from, for the error. */
export interface HttpFailureContext {
  /** The request URL, without credentials. */
  url: string;
  /** The API key sent, kept out of the message. */
  apiKey?: string;
}

/**
 * The typed error for a response whose status is not a success. The message comes from the
 * body in whichever shape the server used (see `readErrorDetails`), or is an excerpt of an
 * HTML or text body; `retry-after-ms` / `retry-after` become `retryAfterMs`.
 * 429 is a `QueueFullError` (rate limited; retryable, with the `UpstreamHttpError` as its
 * `cause`); any other status an `UpstreamHttpError`, retryable for 408, 409 and 5xx only.
 */
export async function upstreamHttpFailure(response: Dispatcher.ResponseData, context: HttpFailureContext): Promise<SwitchboardError> {
  const status = response.statusCode;
  const message = scrub(await errorMessageOf(response), context.apiKey);
  const retryAfterMs = parseRetryAfter(response.headers);
  const options = { url: context.url, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (status === 429) {
    const cause = new UpstreamHttpError(status, message, options);
    return new QueueFullError({ ...options, detail: `rate limited with HTTP 429: ${message}`, cause });
  }
  const error = new UpstreamHttpError(status, message, { ...options, retryable: status === 408 || status === 409 || status >= 500 });
  error.message = `${error.message}${/[.!?]$/.test(error.message) ? '' : '.'} ${adviceFor(status)}`;
  return error;
}

async function errorMessageOf(response: Dispatcher.ResponseData): Promise<string> {
  let body = '';
  try {
    body = (await readBodyText(response.body, errorBodyLimitBytes)).text;
  } catch {
    // The body is only diagnostic: a connection that breaks while reading it leaves what arrived.
  } finally {
    if (!response.body.destroyed) response.body.destroy();
  }
  const details = readErrorDetails(parseJson(body));
  if (details === undefined) return excerpt(body) || `no details in the response body`;
  return details.code !== undefined && !details.message.includes(details.code) ? `${details.message} (${details.code})` : details.message;
}

function adviceFor(status: number): string {
  if (status === 401 || status === 403) {
    return 'Check the API key ("apiKey", or the variable named by "apiKeyEnv") and what it is allowed to use.';
  }
  if (status === 404) return 'Check the base URL (it usually ends in /v1) and the model name the upstream expects.';
  if (status === 400 || status === 422) return 'The upstream refused the request as written; check the model name and generation settings.';
  if (status >= 500 || status === 408 || status === 409) return 'The upstream failed; trying again later may succeed.';
  return 'See the upstream\'s message for what to change.';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function scrub(text: string, secret: string | undefined): string {
  return secret === undefined || secret === '' ? text : text.split(secret).join('[redacted]');
}
