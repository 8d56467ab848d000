import type { ChatMessage } from './chat-message.js';
import type { GenerationSettings } from './generation-settings.js';

/**
 * Time limits for one request, in milliseconds. Unset means "use the registry's default";
 * `0` or `Infinity` turns that clock off. Each expiry is a `TimeoutError` naming its phase.
 */
export interface TimeoutSettings {
  /** Until the provider yields its first part of any kind (a status part counts). Default 15000. */
  connectMs?: number;
  /**
   * Until the first text part. Restarted by every `queued` status part and when the request
   * leaves the queue, so time spent waiting in a reported queue does not count. Default 60000.
   */
  firstTokenMs?: number;
  /** Time allowed in an upstream queue that keeps reporting progress or heartbeats. Default 600000. */
  queueMs?: number;
  /** Longest silence between two text parts once text is flowing; status parts do not count. Default 60000. */
  idleMs?: number;
  /** The whole request, retries and fallbacks included; never retried. Default: no limit. */
  totalMs?: number;
}

/**
 * One chat request, as an application sends it. The generation settings
 * (`temperature`, `maxOutputTokens`, `topP`, `stop`, `seed`) are optional fields of the request.
 */
export interface ChatRequest extends GenerationSettings {
  /**
   * Model id or alias. Empty or unset: the registry's `defaultModel`; when a provider is
   * called directly, that provider's default model.
   */
  model?: string;
  /** The conversation: at least one message, and at least one `user` message. */
  messages: readonly ChatMessage[];
  /** Name of the one provider that may serve this request (pinning). Default: any that serves the model. */
  provider?: string;
  /** Proxy URL (`http://user:pass@host:port`) for this request's upstream connections. Default: the registry's. */
  proxy?: string;
  /** Time limits; unset fields take the registry's, then the defaults. */
  timeouts?: TimeoutSettings;
  /** Free-form settings understood by a particular provider. Default: none. */
  providerOptions?: Readonly<Record<string, unknown>>;
}

/** Per-call controls that are not part of the request itself. */
export interface StreamOptions {
  /** Aborting it cancels the request and closes the upstream connection. */
  signal?: AbortSignal;
}
