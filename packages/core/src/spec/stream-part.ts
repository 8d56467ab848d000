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

/** Why a stream ended. */
export type FinishReason = 'stop' | 'length' | 'error' | 'abort';

/** The last part of a stream that ended normally; nothing follows it. */
export interface FinishPart {
  type: 'finish';
  reason: FinishReason;
}

/** Everything a provider stream yields, discriminated on `type`. */
export type StreamPart = TextDeltaPart | TextRevisionPart | StatusPart | FinishPart;
