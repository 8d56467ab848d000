import type { StatusPart } from '@switchboard/core';

/** One change of provider during a request: routing gave up on `from` and went on with `to`. */
export interface SwitchboardFallback {
  from: string;
  to: string;
  /** `code` of the failure that made routing leave `from`. */
  code: string;
  message: string;
}

/**
 * What `providerMetadata.switchboard` holds on the `finish` part of a stream and on a
 * `doGenerate` result: which provider answered, and how routing got there.
 */
export interface SwitchboardResponseMetadata {
  /** Name of the provider that answered (or failed last). */
  provider?: string;
  /** Canonical model id that provider was asked for. */
  model?: string;
  /** Attempts made for this request, across every provider, retries included. */
  attempts: number;
  /** Every switch to another provider, in order. */
  fallbacks: SwitchboardFallback[];
  /** Where the usage counts come from, when there are any. */
  usageSource?: 'upstream' | 'estimated';
  /**
   * Streams only: `true` when the upstream rewrote text it had already sent; the text block
   * that was streamed before the rewrite is marked `superseded` and `text` holds the final answer.
   */
  revised?: boolean;
  /** Streams only, when `revised`: the final answer, every revision applied. */
  text?: string;
  /**
   * Streams only: settings warnings that arrived after `stream-start` had gone out (a
   * provider taken over after another one had already reported its queue), as their messages.
   */
  lateWarnings?: string[];
}

/**
 * The `rawValue` of a `raw` stream part (sent only when the call sets `includeRawChunks`): a
 * Switchboard status part while the request waits in an upstream queue or starts generating,
 * with the provider that reported it.
 */
export interface SwitchboardStatusChunk extends Omit<StatusPart, 'type'> {
  type: 'switchboard-status';
  provider?: string;
}
