import { ProtocolError, QueueFullError, UpstreamHttpError } from '@switchboard/core';
import { parseRetryAfter, redactUrl, type SpaceHttpClient } from './space-http-client.js';

/** The body of `POST {root}{prefix}/queue/join`. */
export interface JoinPayload {
  data: unknown[];
  event_data: null;
  fn_index: number;
  trigger_id: number | null;
  session_hash: string;
  simple_format?: true;
}

const maxJoinResponseBytes = 64 * 1024;

/**
 * Enqueues one event and returns its `event_id`. A 503 becomes `QueueFullError` (with the
 * server's `detail` and `retry-after`), another non-2xx `UpstreamHttpError`, and a body
 * without an `event_id` `ProtocolError`.
 */
export async function joinQueue(
  http: SpaceHttpClient,
  joinUrl: string,
  payload: JoinPayload,
  signal: AbortSignal | undefined,
): Promise<string> {
  const url = redactUrl(joinUrl);
  const response = await http.send(joinUrl, { method: 'POST', accept: 'application/json', body: JSON.stringify(payload), signal });
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  if (response.statusCode === 503) {
    const { text } = await http.readText(response, maxJoinResponseBytes, signal, url);
    const detail = http.scrub(readDetail(text) ?? text.trim()).slice(0, 500);
    throw new QueueFullError({ detail: detail || undefined, retryAfterMs, url });
  }
  if (response.statusCode < 200 || response.statusCode > 299) {
    const excerpt = await http.excerpt(response, signal, url);
    throw new UpstreamHttpError(response.statusCode, excerpt, { url, retryAfterMs });
  }
  const { text, truncated } = await http.readText(response, maxJoinResponseBytes, signal, url);
  if (truncated) throw new ProtocolError(`the join response is larger than ${maxJoinResponseBytes} bytes`, { url });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(`the join response is not JSON: ${JSON.stringify(http.scrub(text).slice(0, 80))}`, { url, cause: error });
  }
  const eventId = (body as { event_id?: unknown } | null)?.event_id;
  if (typeof body !== 'object' || Array.isArray(body) || typeof eventId !== 'string' || eventId === '') {
    throw new ProtocolError('the join response has no event_id', { url });
  }
  return eventId;
}

function readDetail(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { detail?: unknown } | null;
    return typeof body?.detail === 'string' ? body.detail : undefined;
  } catch {
    return undefined;
  }
}
