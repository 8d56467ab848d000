import type { IncomingHttpHeaders } from 'node:http';

/** The body of a `POST /v1/chat/completions` request, as far as the emulator reads it. */
export interface OpenAIChatRequestBody {
  model?: string;
  messages: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  max_tokens?: number;
  [field: string]: unknown;
}

/** Computes the answer from the request body. */
export type OpenAIEmulatorAnswer = (request: OpenAIChatRequestBody) => string;

/**
 * Ways real OpenAI-compatible servers bend the protocol, to check that a client tolerates
 * them. All default to what OpenAI itself does.
 */
export interface OpenAIEmulatorQuirks {
  /**
   * `finish_reason` of the finish chunk. Default `'stop'` (`'length'` when `max_tokens` cut
   * the answer). `''` as Ollama once sent; `null` sends no finish chunk at all.
   */
  finishReason?: string | null;
  /** Give every chunk a different `id`, as llama.cpp's server once did. Default false. */
  changingIds?: boolean;
  /** A comment line (e.g. `OPENROUTER PROCESSING`) before the first chunk and before each content chunk. */
  comment?: string;
  /**
   * Where token usage goes when the request sets `stream_options.include_usage`:
   * `'after-finish'` (default, OpenAI: a last chunk with `choices: []`), `'before-finish'`,
   * `'twice'` (an early, smaller count before the finish chunk and the final one after it),
   * `'every-chunk'` (a running count on every chunk, vLLM's continuous usage) or `'never'`.
   */
  usage?: 'after-finish' | 'before-finish' | 'twice' | 'every-chunk' | 'never';
  /** Leave out `data: [DONE]` after a complete answer. Default false. */
  omitDone?: boolean;
  /** Leave out `role: "assistant"` in the first chunk. Default false. */
  omitRole?: boolean;
  /** Answer one `chat.completion` JSON body even when the request asked for a stream. Default false. */
  ignoreStream?: boolean;
}

/**
 * A failure injected into one chat request. `afterTokens` (default 0) is the number of
 * content chunks sent before a stream fault strikes; past the end of the answer it strikes
 * just before the finish chunk. Stream faults apply to streaming requests only.
 */
export type OpenAIEmulatorFault =
  /**
   * Answer with this status. `body`: a string is sent as is (`text/html` when it starts
   * with `<`, else `text/plain`), any other value as JSON; default an OpenAI error body.
   * `headers` are added, e.g. `{ 'retry-after': '2' }`.
   */
  | { kind: 'status'; status: number; body?: unknown; headers?: Readonly<Record<string, string>> }
  /** 429 with an OpenAI `rate_limit_exceeded` body and `retry-after` / `retry-after-ms` when given. */
  | { kind: 'rate-limited'; retryAfterSeconds?: number; retryAfterMs?: number }
  /** A flat error body as older vLLM sent: `{"object":"error","message",…,"code":status}`. Default status 400. */
  | { kind: 'flat-error'; status?: number; message?: string }
  /** An HTML error page as a reverse proxy sends when the server behind it is down. Default status 502. */
  | { kind: 'html-error'; status?: number }
  /** The socket is destroyed as soon as the request was read, without any response. */
  | { kind: 'reset' }
  /**
   * `data: <data>` mid-stream (default `{"error":{"message":…,"type":"server_error",…}}`), then
   * `data: [DONE]` when `sendDone` (as LiteLLM does), then the body ends.
   */
  | { kind: 'error-event'; afterTokens?: number; data?: unknown; sendDone?: boolean }
  /** The body ends cleanly (as a proxy ends a dead stream): no finish chunk, no `[DONE]`. */
  | { kind: 'end-without-done'; afterTokens?: number }
  /** The socket is destroyed mid-stream. */
  | { kind: 'drop-connection'; afterTokens?: number }
  /** One event whose data is not JSON; the stream then goes on. */
  | { kind: 'malformed-json'; afterTokens?: number }
  /** One event whose `data:` line is `bytes` bytes long (prefix included), written in pieces; the stream then goes on. */
  | { kind: 'oversized-event'; bytes: number; afterTokens?: number }
  /** Nothing more is sent; the connection stays open until the client leaves or the emulator closes. */
  | { kind: 'stall'; afterTokens?: number };

/** Options of {@link startOpenAIEmulator}. */
export interface OpenAIEmulatorOptions {
  /** The answer, or a function of the request body. Default: `You said: <last user message>`. */
  answer?: string | OpenAIEmulatorAnswer;
  /** Characters per content chunk (one chunk counts as one completion token). Default 4. */
  tokenSize?: number;
  /** Delay before each content chunk, in milliseconds. Default 0. */
  tokenDelayMs?: number;
  /** Model ids `GET /v1/models` lists. Default `['emulated-model']`. */
  models?: readonly string[];
  /** When set, every request must carry `Authorization: Bearer <apiKey>`; others get 401 `invalid_api_key`. */
  apiKey?: string;
  quirks?: OpenAIEmulatorQuirks;
  /** A fault for every chat request, or one chosen per request (numbered from 0). */
  fault?: OpenAIEmulatorFault | ((requestNumber: number) => OpenAIEmulatorFault | undefined);
}

/** One HTTP request the emulator received. */
export interface RecordedOpenAIRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, the raw text otherwise, `undefined` when empty. */
  body: unknown;
}

/** A running OpenAI-compatible emulator. */
export interface OpenAIEmulator {
  /** Root URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  /** API base URL for clients: `url` + `/v1`. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: RecordedOpenAIRequest[];
  /** Chat requests received (the number the next one gets in a `fault` function). */
  readonly chatRequests: number;
  /** Streaming responses currently open. */
  readonly openStreams: number;
  /** Streaming responses that closed, whichever side closed them. */
  readonly closedStreams: number;
  /** Streaming responses whose connection the client closed before the emulator finished them. */
  readonly streamsClosedByClient: number;
  /**
   * Resolves when a streaming response's connection closes: the one open now, or else one
   * that closed since the last call (and was not awaited yet), or else the next one.
   */
  waitForStreamClose(): Promise<void>;
  /** Stops the server, destroys every socket and clears every timer. */
  close(): Promise<void>;
}
