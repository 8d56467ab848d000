import type { IncomingHttpHeaders } from 'node:http';

/**
 * One step of a scripted `text/event-stream` body, run in order:
 * - `{ data, event?, id? }`: one event. A string `data` is sent as is (a multi-line string
 *   becomes several `data:` lines); any other value is sent as JSON.
 * - `{ comment }`: a comment line (`: text`), as servers send to keep a stream alive.
 * - `{ delayMs }`: wait before the next step.
 * - `{ raw }`: these exact bytes, unframed (to send broken or partial events).
 * - `{ drop: true }`: destroy the connection at once; the body never ends properly.
 * - `{ stall: true }`: send nothing more and keep the connection open until the client closes
 *   it or the server is closed.
 *
 * When the steps run out, the body ends normally.
 */
export type SseStep =
  | { data: unknown; event?: string; id?: string }
  | { comment: string }
  | { delayMs: number }
  | { raw: string | Uint8Array }
  | { drop: true }
  | { stall: true };

/** Status and headers of a scripted reply. Headers given here replace the defaults. */
export interface ScriptedReplyHead {
  /** Default 200. */
  status?: number;
  headers?: Readonly<Record<string, string>>;
}

/**
 * How the server answers one request:
 * - `{ json }`: a JSON body (`content-type: application/json`);
 * - `{ text }`: a plain-text body;
 * - `{ sse }`: a `text/event-stream` body played step by step (see {@link SseStep});
 * - `{}`: status and headers only, empty body;
 * - `{ drop: true }`: destroy the connection without answering (the client sees a reset).
 */
export type ScriptedReply =
  | (ScriptedReplyHead & { json: unknown })
  | (ScriptedReplyHead & { text: string })
  | (ScriptedReplyHead & { sse: readonly SseStep[] })
  | ScriptedReplyHead
  | { drop: true };

/** One request as the scripted server received it. */
export interface ScriptedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  /** The body as text (empty when there was none). */
  text: string;
  /** The body parsed as JSON when it is JSON, the text otherwise, `undefined` when empty. */
  body: unknown;
}

/**
 * What a route answers: one reply for every request, or a function of the request and of
 * `index`, the number of earlier requests on the same route (from 0).
 */
export type ScriptedRoute = ScriptedReply | ((request: ScriptedRequest, index: number) => ScriptedReply | Promise<ScriptedReply>);

/** Options of {@link startScriptedServer}. */
export interface ScriptedServerOptions {
  /**
   * Replies by route. A key is `METHOD /path` (e.g. `POST /v1/chat/completions`) or a bare
   * `/path` for any method; the path is matched exactly, without the query string. A request
   * no route matches gets a 404 JSON body naming the routes that exist.
   */
  routes: Readonly<Record<string, ScriptedRoute>>;
}

/** A running scripted server on 127.0.0.1. */
export interface ScriptedServer {
  /** Root URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  /** Every request received, in order of arrival. */
  readonly requests: readonly ScriptedRequest[];
  /** Requests whose reply is not finished yet and whose connection is still open. */
  readonly repliesInProgress: number;
  /** Replies the client cut off by closing the connection before the server finished them. */
  readonly repliesClosedByClient: number;
  /**
   * Resolves the next time, counting from this call, that a client closes the connection of a
   * reply still in progress. Closes done by the server itself (a `drop` step, `close()`) never
   * resolve it, so it is proof that the client hung up.
   */
  nextClientClose(): Promise<void>;
  /** Stops every script, destroys every connection and stops listening. Safe to call twice. */
  close(): Promise<void>;
}
