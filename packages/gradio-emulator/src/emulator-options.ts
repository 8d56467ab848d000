import type { IncomingHttpHeaders } from 'node:http';
import type { GradioApp } from './gradio-app.js';

/**
 * Gradio release line the emulator impersonates. Each one speaks a different protocol generation:
 * `4.16` → `sse_v1` (full values, Python `json.dumps`), `4.20` → `sse_v2` (diffs),
 * `4.21` → `sse_v2.1`, `4.36` → `sse_v3` (orjson, `close_stream`), `5` → `sse_v3` under
 * `/gradio_api` (announced as 5.9.1).
 */
export type EmulatedGradioVersion = '4.16' | '4.20' | '4.21' | '4.36' | '5';

/**
 * A failure injected into one join (and the event it creates). `afterTokens` (default 0) is the
 * number of `process_generating` messages sent before the fault strikes (one per yield of the
 * function); past the last yield it strikes just before the completion.
 */
export type EmulatorFault =
  /** The join answers 503 `{"detail":"Queue is full. Max size is N and size is N."}`, N = `maxQueueSize` or 10. */
  | { kind: 'queue-full' }
  /**
   * The join answers this status, as a proxy would: `body` (default `Internal Server Error` for 5xx),
   * sent as JSON when it looks like JSON and as plain text otherwise, with `retry-after` if given.
   */
  | { kind: 'join-status'; status: number; body?: string; retryAfterSeconds?: number }
  /**
   * The app raises: `process_completed` with `success:false` and `output.error` set to the message
   * (`null` for a hidden error; quoted like Python's repr before Gradio 5).
   */
  | { kind: 'app-error'; message?: string | null; afterTokens?: number }
  /** The stream loop fails: one `unexpected_error` (default "Server stopped unexpectedly."), then the body ends. */
  | { kind: 'unexpected-error'; message?: string; afterTokens?: number }
  /** Part of the next message is written, then the socket is destroyed (the session's events are dropped). */
  | { kind: 'drop-connection'; afterTokens?: number }
  /** Generation stops; only heartbeats follow until the client leaves. */
  | { kind: 'stall'; afterTokens?: number }
  /** One extra message whose JSON does not parse; generation then continues. */
  | { kind: 'malformed-json'; afterTokens?: number }
  /**
   * One extra `log` message whose `data:` line (prefix included) is `bytes` long, written in
   * chunks; generation then continues. A client with a bounded line buffer must give up on it.
   */
  | { kind: 'oversized-event'; bytes: number; afterTokens?: number }
  /** `close_stream` (or, before `sse_v3`, the end of the body) before the event completed. */
  | { kind: 'close-stream-early'; afterTokens?: number };

/** Time an event spends queued before `process_starts`, with `estimation` updates meanwhile. */
export interface EmulatorQueueOptions {
  /** Milliseconds between the join and `process_starts`. Default 0. */
  waitMs?: number;
  /** `estimation` messages sent during the wait, after the first one sent on join. Default 0. */
  updates?: number;
  /** Rank announced in the first estimation; later ones count down to 0. Default 0. */
  rank?: number;
  /** Queue size announced in the first estimation. Default `rank + 1`. */
  queueSize?: number;
  /** `rank_eta` of the first estimation and `eta` of `process_starts`, in seconds. Default `null`. */
  etaSeconds?: number;
}

/** Options of {@link startGradioEmulator}. */
export interface GradioEmulatorOptions {
  /** The app served: its components, layout and functions. */
  app: GradioApp;
  /** The Gradio release impersonated. Default `'4.36'`. */
  version?: EmulatedGradioVersion;
  /** Delay before each step of a function (each yield, and its end), in milliseconds. Default 0. */
  tokenDelayMs?: number;
  queue?: EmulatorQueueOptions;
  /** Interval between heartbeats on an open data stream. Default 15000, like Gradio. */
  heartbeatIntervalMs?: number;
  /** A fault for every join, or one chosen per join (joins are numbered from 0). */
  fault?: EmulatorFault | ((requestNumber: number) => EmulatorFault | undefined);
  /** Joins answer 503 "Queue is full" while this many events are pending (queued or running). */
  maxQueueSize?: number;
}

/** One HTTP request received by the emulator. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, API prefix included. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, the raw text otherwise, `undefined` when empty. */
  body: unknown;
}

/** A running emulator. */
export interface GradioEmulator {
  /** Root URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Data streams (`queue/data`) currently open. */
  readonly openStreams: number;
  /** Data streams that closed, whichever side closed them. */
  readonly closedStreams: number;
  /**
   * Resolves when a data stream closes: the one open now, or else one that closed since the last
   * call (and was not awaited yet), or else the next one.
   */
  waitForStreamClose(): Promise<void>;
  /** Stops the server, destroys every socket and clears every timer. */
  close(): Promise<void>;
}
