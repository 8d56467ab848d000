import { randomBytes } from 'node:crypto';
import type { OpenAiUsage } from './completion-usage.js';

/** The `delta` of a chunk; `switchboard_revision` carries a full rewritten answer. */
export interface ChunkDelta {
  role?: 'assistant';
  content?: string;
  switchboard_revision?: string;
}

/** OpenAI `finish_reason` values the gateway sends. */
export type OpenAiFinishReason = 'stop' | 'length';

/** A fresh completion id, `chatcmpl-` and 24 hex digits. */
export function completionId(): string {
  return `chatcmpl-${randomBytes(12).toString('hex')}`;
}

/**
 * Builds the `chat.completion.chunk` objects of one stream: one `id` and `created` for all,
 * `usage: null` on every chunk when the client asked for a usage chunk.
 */
export class CompletionChunks {
  readonly id = completionId();
  readonly created = Math.floor(Date.now() / 1000);

  constructor(
    readonly model: string,
    private readonly includeUsage: boolean,
  ) {}

  /** A chunk with one choice. */
  delta(delta: ChunkDelta, finishReason: OpenAiFinishReason | null = null) {
    return {
      ...this.#envelope(),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(this.includeUsage ? { usage: null } : {}),
    };
  }

  /** The closing usage chunk: no choices, the whole request's token counts. */
  usage(usage: OpenAiUsage) {
    return { ...this.#envelope(), choices: [], usage };
  }

  #envelope() {
    return { id: this.id, object: 'chat.completion.chunk' as const, created: this.created, model: this.model };
  }
}
