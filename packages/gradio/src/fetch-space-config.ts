import { ProtocolError, UpstreamHttpError } from '@switchboard/core';
import { parseSpaceConfig, type SpaceConfig } from './space-config.js';
import { parseRetryAfter, redactUrl, type SpaceHttpClient } from './space-http-client.js';

const maxConfigBytes = 64 * 1024 * 1024;

/** Fetches and parses `{root}/config` (it stays at the root even when the API has a prefix). */
export async function fetchSpaceConfig(http: SpaceHttpClient, rootUrl: string, signal?: AbortSignal): Promise<SpaceConfig> {
  const configUrl = `${rootUrl}/config`;
  const url = redactUrl(configUrl);
  const response = await http.send(configUrl, { method: 'GET', accept: 'application/json', signal });
  if (response.statusCode !== 200) {
    const excerpt = await http.excerpt(response, signal, url);
    throw new UpstreamHttpError(response.statusCode, excerpt, { url, retryAfterMs: parseRetryAfter(response.headers['retry-after']) });
  }
  const { text, truncated } = await http.readText(response, maxConfigBytes, signal, url);
  if (truncated) throw new ProtocolError(`the /config response is larger than ${maxConfigBytes} bytes`, { url });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(`the /config response is not JSON: ${JSON.stringify(http.scrub(text).slice(0, 80))}`, { url, cause: error });
  }
  return parseSpaceConfig(raw, { url });
}
