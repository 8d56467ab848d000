import type { ChatMessage } from './chat-message.js';

/** Time limits for one request, in milliseconds. Unset means "use the default". */
export interface TimeoutSettings {
  /** Until the upstream accepts the request (HTTP response headers). */
  connectMs?: number;
  /** Until the first text part, not counting time spent in a reported queue. */
  firstTokenMs?: number;
  /** Time allowed in an upstream queue that keeps reporting progress or heartbeats. */
  queueMs?: number;
  /** Longest silence between two parts once text is flowing. */
  idleMs?: number;
  /** The whole request, first byte to last. */
  totalMs?: number;
}

/** One chat request, as an application sends it. */
export interface ChatRequest {
  /** Model id or alias; empty means the provider's default model. */
  model?: string;
  messages: readonly ChatMessage[];
  /** Proxy URL (`http://user:pass@host:port`) for this request's upstream connections. */
  proxy?: string;
  timeouts?: TimeoutSettings;
  /** Free-form settings understood by a particular provider. */
  providerOptions?: Readonly<Record<string, unknown>>;
}

/** Per-call controls that are not part of the request itself. */
export interface StreamOptions {
  /** Aborting it cancels the request and closes the upstream connection. */
  signal?: AbortSignal;
}
