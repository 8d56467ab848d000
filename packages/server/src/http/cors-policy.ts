import type { IncomingHttpHeaders } from 'node:http';
import type { GatewayCorsOptions } from '../gateway-options.js';

const allowedRequestHeaders = new Set([
  'accept',
  'authorization',
  'content-type',
  'idempotency-key',
  'openai-beta',
  'openai-organization',
  'openai-project',
  'x-request-id',
]);
const allowedHeaderPrefixes = ['x-stainless-', 'x-switchboard-'];
const exposedHeaders = 'x-request-id, retry-after, retry-after-ms, x-should-retry, x-switchboard-ignored-params';

/**
 * CORS for browser clients: allowed origins get `access-control-allow-origin` on every
 * answer (errors included), and preflights allow the headers the official SDKs send
 * (authorization, content-type, `x-stainless-*`, `openai-organization`, `openai-project`,
 * `x-request-id`...), reflected from `access-control-request-headers`.
 */
export class CorsPolicy {
  readonly #origins: ReadonlySet<string> | '*';
  readonly #maxAgeSeconds: number;

  constructor(options: GatewayCorsOptions | undefined) {
    this.#origins = options === undefined ? new Set() : options.origins === '*' ? '*' : new Set(options.origins);
    this.#maxAgeSeconds = options?.maxAgeSeconds ?? 600;
  }

  /** Headers for an ordinary answer to a request from `origin`. */
  responseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const origin = this.#allowedOrigin(headers.origin);
    if (origin === undefined) return {};
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': exposedHeaders, vary: 'Origin' };
  }

  /** Headers for a preflight (`OPTIONS` with `access-control-request-method`); none when the origin is not allowed. */
  preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const origin = this.#allowedOrigin(headers.origin);
    if (origin === undefined) return {};
    const requested = String(headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '' && isAllowedHeader(name));
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': [...new Set(requested.length > 0 ? requested : allowedRequestHeaders)].join(', '),
      'access-control-max-age': String(this.#maxAgeSeconds),
      vary: 'Origin, Access-Control-Request-Headers',
    };
  }

  #allowedOrigin(origin: string | undefined): string | undefined {
    if (origin === undefined) return undefined;
    if (this.#origins === '*') return '*';
    return this.#origins.has(origin) ? origin : undefined;
  }
}

function isAllowedHeader(name: string): boolean {
  return allowedRequestHeaders.has(name) || allowedHeaderPrefixes.some((prefix) => name.startsWith(prefix));
}
