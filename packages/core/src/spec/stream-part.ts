import type { GenerationSetting } from './generation-settings.js';

/** Appends `text` to the answer streamed so far. */
export interface TextDeltaPart {
  type: 'text-delta';
  text: string;
}

/**
 * The upstream rewrote text it had already sent: `text` is the full answer so far and
 * replaces everything streamed before it.
 */
export interface TextRevisionPart {
  type: 'text-revision';
  text: string;
}

/** Progress before the first token: waiting in a queue, or generation has started. */
export interface StatusPart {
  type: 'status';
  stage: 'queued' | 'started';
  /** 0-based position in the upstream queue, when known. */
  position?: number;
  /** Number of requests in the upstream queue, when known. */
  queueSize?: number;
  /** Estimated seconds until this request starts (queued) or finishes (started). */
  etaSeconds?: number;
}

/**
 * Something about the request was not applied as asked, but the answer goes on. Emitted by
 * the registry (or a provider) before the provider's first part; never ends a stream.
 */
export interface WarningPart {
  type: 'warning';
  /** `unsupported-setting`: the provider does not honour `setting`, which was ignored. */
  code: 'unsupported-setting';
  /** The provider that ignored the setting. */
  provider: string;
  /** The ignored generation setting. */
  setting: GenerationSetting;
  message: string;
}

/** Why a stream ended. */
export type FinishReason = 'stop' | 'length' | 'error' | 'abort';

/** Token counts for one answer. */
export interface Usage {
  /** Tokens of the prompt, when known. */
  inputTokens?: number;
  /** Tokens of the answer, when known. */
  outputTokens?: number;
  /** `upstream`: counted by the back end; `estimated`: approximated by Switchboard or the provider. */
  source: 'upstream' | 'estimated';
}

/** The last part of a stream that ended normally; nothing follows it. */
export interface FinishPart {
  type: 'finish';
  reason: FinishReason;
  /** Token counts, when the provider knows them. */
  usage?: Usage;
}

/** Everything a provider stream yields, discriminated on `type`. */
export type StreamPart = TextDeltaPart | TextRevisionPart | StatusPart | WarningPart | FinishPart;
