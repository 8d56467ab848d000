import { ProxyAgent, type Dispatcher } from 'undici';
import { listDeleteModeFor } from './apply-diff.js';
import { isVersionAtLeast } from './compare-versions.js';
import { fetchSpaceConfig } from './fetch-space-config.js';
import type { GradioEvent } from './gradio-event.js';
import type { SpaceConfig } from './space-config.js';
import { normalizeRootUrl } from './normalize-root-url.js';
import { cacheSpaceConfig, getCachedSpaceConfig } from './space-config-cache.js';
import { SpaceHttpClient } from './space-http-client.js';
import { defaultMaxEventBytes } from './sse-decoder.js';
import { SubmissionIterator } from './submission-iterator.js';
import type { SubmitContext } from './open-submission.js';
import type { SubmitRequest } from './submit-request.js';

/** Options of {@link connectSpace}. */
export interface SpaceOptions {
  /** Extra headers sent with every request (config, join, data stream). */
  headers?: Record<string, string>;
  /** Hugging Face token, sent as `Authorization: Bearer <token>`; never part of errors or urls. */
  hfToken?: string;
  /** Proxy URL: requests go through an undici `ProxyAgent` created for this Space and closed by `close()`. */
  proxy?: string;
  /** undici dispatcher for every request; wins over `proxy`. The caller keeps ownership. */
  dispatcher?: Dispatcher;
  /** Bound on the size of one SSE event in bytes; a larger one fails with `ProtocolError`. Default 16 MiB. */
  maxEventBytes?: number;
  /** Aborts the `/config` discovery. */
  signal?: AbortSignal;
}

/** A connected Gradio app. */
export interface GradioSpace {
  /** The normalized root URL (no trailing slash). */
  readonly rootUrl: string;
  readonly config: SpaceConfig;
  /**
   * Queues one call and yields its events until `completed`. Each call joins with a fresh
   * session, so concurrent submissions are independent. Nothing is sent before the first
   * `next()`. Breaking out of the iteration or aborting closes the connection at once.
   *
   * Throws at once `TypeError` for a request that cannot be sent and `Error` after
   * `close()`; then, while iterating:
   * - `ConnectionError` (`networkCode` e.g. `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`,
   *   `UND_ERR_SOCKET`, `UND_ERR_CONNECT_TIMEOUT`): the join, or the data stream before
   *   any byte of it arrived, could not reach the server or lost the connection; retryable
   *   for refused, reset and timed-out connections and DNS failures;
   * - `QueueFullError`: the join was answered 503 (`detail`, `retryAfterMs`);
   * - `UpstreamHttpError`: another non-2xx status from the join or the data stream;
   * - `GradioAppError`: the app failed, or the server reported `unexpected_error`;
   * - `StreamTruncatedError` (retryable): the data stream had started, then ended or broke
   *   (or the server sent `close_stream`) before the completion;
   * - `ProtocolError`: a malformed response, message or diff, or an event larger than
   *   `maxEventBytes`;
   * - `AbortError`: `request.signal` aborted.
   *
   * Errors carry `url` (without credentials or query) and, once an output arrived, the
   * last good output values as `partialOutput`.
   */
  submit(request: SubmitRequest): AsyncGenerator<GradioEvent>;
  /** Closes the proxy agent this Space created, if any. Later submissions throw. */
  close(): Promise<void>;
}

/**
 * Connects to a Gradio app (e.g. a Hugging Face Space) at `rootUrl`: reads its `/config`
 * to learn the version, queue protocol and API prefix. The config is cached per root URL
 * for the process (a failed discovery is not); see `clearSpaceConfigCache`.
 *
 * Throws:
 * - `TypeError`: `rootUrl` is not an http(s) URL, holds credentials, or an option is invalid;
 * - `ConnectionError` (`networkCode` e.g. `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`,
 *   `ECONNRESET`, `UND_ERR_SOCKET`, `UND_ERR_CONNECT_TIMEOUT`): `/config` could not be
 *   fetched because the server could not be reached or dropped the connection; retryable
 *   for refused, reset and timed-out connections and DNS failures;
 * - `UpstreamHttpError`: `/config` answered a status other than 200;
 * - `ProtocolError`: the config is not JSON or lacks what a queue client needs, or the app
 *   runs the `ws` or `sse` protocol (Gradio 3 and 4.0–4.8), which this client does not speak;
 * - `AbortError`: `options.signal` aborted.
 */
export async function connectSpace(rootUrl: string, options: SpaceOptions = {}): Promise<GradioSpace> {
  const root = normalizeRootUrl(rootUrl);
  const maxEventBytes = options.maxEventBytes ?? defaultMaxEventBytes;
  if (!Number.isInteger(maxEventBytes) || maxEventBytes <= 0) {
    throw new TypeError(`maxEventBytes must be a positive integer, got ${String(options.maxEventBytes)}`);
  }
  const ownedAgent = options.dispatcher === undefined && options.proxy ? new ProxyAgent(options.proxy) : undefined;
  const http = new SpaceHttpClient({ headers: options.headers, hfToken: options.hfToken, dispatcher: options.dispatcher ?? ownedAgent });
  let config = getCachedSpaceConfig(root);
  if (config === undefined) {
    try {
      config = await fetchSpaceConfig(http, root, options.signal);
    } catch (error) {
      await ownedAgent?.close().catch(() => undefined);
      throw error;
    }
    cacheSpaceConfig(root, config);
  }
  const context: SubmitContext = {
    rootUrl: root,
    config,
    http,
    maxEventBytes,
    listDeleteMode: listDeleteModeFor(config.version),
    noneMeansHidden: !isVersionAtLeast(config.version, '5.2'),
  };
  return new ConnectedSpace(context, ownedAgent);
}

class ConnectedSpace implements GradioSpace {
  readonly rootUrl: string;
  readonly config: SpaceConfig;
  readonly #context: SubmitContext;
  #ownedAgent: ProxyAgent | undefined;
  #closed = false;

  constructor(context: SubmitContext, ownedAgent: ProxyAgent | undefined) {
    this.rootUrl = context.rootUrl;
    this.config = context.config;
    this.#context = context;
    this.#ownedAgent = ownedAgent;
  }

  submit(request: SubmitRequest): AsyncGenerator<GradioEvent> {
    if (this.#closed) throw new Error(`This GradioSpace (${this.rootUrl}) is closed`);
    return new SubmissionIterator(this.#context, request);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const agent = this.#ownedAgent;
    this.#ownedAgent = undefined;
    await agent?.close();
  }
}
