import { UpstreamHttpError } from '@switchboard/core';
import { parseRetryAfter, redactUrl, type SpaceHttpClient, type SpaceResponse } from './space-http-client.js';
import { SseDecoder } from './sse-decoder.js';

/** An open `queue/data` stream, read as batches of SSE message data. */
export interface EventStream {
  /** The stream's URL without its query, for errors. */
  readonly url: string;
  /** The data of the messages completed by the next chunk; null once the stream has ended. */
  read(): Promise<string[] | null>;
  /** Closes the connection at once (idempotent). */
  close(): void;
}

/** How a data stream is read, and what its errors carry. */
export interface EventStreamOptions {
  /** Bound on one SSE event; a larger one is a `ProtocolError`. */
  maxEventBytes: number;
  signal: AbortSignal | undefined;
  /** The output values received so far, given to errors as `partialOutput`. */
  partialOutput?: () => readonly unknown[] | null;
}

/**
 * Opens the data stream of a session. A status other than 200 becomes
 * `UpstreamHttpError`; an abort `AbortError`; a connection that fails before any byte of
 * the stream arrived `ConnectionError`; one that breaks later `StreamTruncatedError`; an
 * oversized event `ProtocolError`.
 */
export async function openEventStream(http: SpaceHttpClient, dataUrl: string, options: EventStreamOptions): Promise<EventStream> {
  const url = redactUrl(dataUrl);
  const response = await http.send(dataUrl, { method: 'GET', accept: 'text/event-stream', signal: options.signal });
  if (response.statusCode !== 200) {
    const excerpt = await http.excerpt(response, options.signal, url);
    throw new UpstreamHttpError(response.statusCode, excerpt, { url, retryAfterMs: parseRetryAfter(response.headers['retry-after']) });
  }
  return new DecodedEventStream(http, response, url, options);
}

class DecodedEventStream implements EventStream {
  readonly url: string;
  readonly #http: SpaceHttpClient;
  readonly #body: SpaceResponse['body'];
  readonly #chunks: AsyncIterator<Buffer>;
  readonly #decoder: SseDecoder;
  readonly #options: EventStreamOptions;
  #started = false;
  #ended = false;

  constructor(http: SpaceHttpClient, response: SpaceResponse, url: string, options: EventStreamOptions) {
    this.url = url;
    this.#http = http;
    this.#body = response.body;
    this.#chunks = (response.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    this.#decoder = new SseDecoder({ maxEventBytes: options.maxEventBytes });
    this.#options = options;
  }

  async read(): Promise<string[] | null> {
    if (this.#ended) return null;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.#chunks.next();
    } catch (error) {
      throw this.#http.failure(error, {
        signal: this.#options.signal,
        url: this.url,
        action: `the event stream ${this.url}`,
        streamStarted: this.#started,
        partialOutput: this.#options.partialOutput?.(),
      });
    }
    if (next.done !== true) {
      if (next.value.length > 0) this.#started = true;
      return this.#decoder.push(next.value);
    }
    this.#ended = true;
    return this.#decoder.end();
  }

  close(): void {
    if (!this.#body.destroyed) this.#body.destroy();
  }
}
