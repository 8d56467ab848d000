import { transportFailure, type SwitchboardError, type TransportFailureContext } from '@switchboard/core';
import { request, type Dispatcher } from 'undici';

/** A response whose status and body the caller reads. */
export type SpaceResponse = Dispatcher.ResponseData;

/** One HTTP request to a Space. */
export interface SpaceRequest {
  method: 'GET' | 'POST';
  accept: string;
  body?: string;
  signal?: AbortSignal;
}

/** How every request to one Space is sent: extra headers, the bearer token, the dispatcher. */
export interface SpaceHttpOptions {
  headers?: Record<string, string>;
  hfToken?: string;
  dispatcher?: Dispatcher;
}

/** Sends the requests of one Space and keeps its token out of everything it reports. */
export class SpaceHttpClient {
  readonly #headers: Record<string, string>;
  readonly #token: string | undefined;
  readonly #dispatcher: Dispatcher | undefined;

  constructor(options: SpaceHttpOptions) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    if (options.hfToken) headers.authorization = `Bearer ${options.hfToken}`;
    this.#headers = headers;
    this.#token = options.hfToken || undefined;
    this.#dispatcher = options.dispatcher;
  }

  /**
   * Sends one request. An abort becomes `AbortError`; a failure to get a response
   * (refused, reset, timed out, DNS) a `ConnectionError` with its `networkCode` (see
   * {@link transportFailure}).
   */
  async send(url: string, options: SpaceRequest): Promise<SpaceResponse> {
    const headers: Record<string, string> = { ...this.#headers, accept: options.accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await request(url, {
        method: options.method,
        headers,
        body: options.body,
        signal: options.signal,
        dispatcher: this.#dispatcher,
      });
    } catch (error) {
      const redacted = redactUrl(url);
      throw this.failure(error, { signal: options.signal, url: redacted, action: `the request to ${redacted}` });
    }
  }

  /**
   * Reads at most `limitBytes` of a body as text and closes it; `truncated` tells whether
   * there was more. A connection that breaks meanwhile is a `ConnectionError`.
   */
  async readText(response: SpaceResponse, limitBytes: number, signal?: AbortSignal, url = ''): Promise<{ text: string; truncated: boolean }> {
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        length += chunk.length;
        if (length > limitBytes) break;
      }
    } catch (error) {
      throw this.failure(error, { signal, url, action: `reading the response of ${url}` });
    } finally {
      if (!response.body.destroyed) response.body.destroy();
    }
    const bytes = Buffer.concat(chunks);
    return { text: bytes.toString('utf8', 0, Math.min(length, limitBytes)), truncated: length > limitBytes };
  }

  /** The start of a body for an error message (about 500 characters), without the token. */
  async excerpt(response: SpaceResponse, signal?: AbortSignal, url = ''): Promise<string> {
    const { text, truncated } = await this.readText(response, 2048, signal, url);
    const compact = this.scrub(text).replace(/\s+/g, ' ').trim();
    return compact.length > 500 || truncated ? `${compact.slice(0, 500)}…` : compact;
  }

  /** `text` with every occurrence of the token replaced. */
  scrub(text: string): string {
    return this.#token === undefined ? text : text.split(this.#token).join('[redacted]');
  }

  /** The typed error for a failure while talking to the Space, with the token kept out of its message. */
  failure(error: unknown, context: Omit<TransportFailureContext, 'scrub'>): SwitchboardError {
    return transportFailure(error, { ...context, scrub: (text) => this.scrub(text) });
  }
}

/** `url` without credentials, query or fragment, for error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

/** The delay a `retry-after` header asks for (seconds or an HTTP date), in milliseconds. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
