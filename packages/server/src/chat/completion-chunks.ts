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
  /** The JSON of a content chunk around its content string, rendered once per stream. */
  readonly #contentJsonParts: readonly [before: string, after: string];

  constructor(
    readonly model: string,
    private readonly includeUsage: boolean,
  ) {
    const marker = JSON.stringify('\u0000content\u0000');
    const template = JSON.stringify(this.delta({ content: '\u0000content\u0000' }));
    const at = template.lastIndexOf(marker);
    this.#contentJsonParts = [template.slice(0, at), template.slice(at + marker.length)];
  }

  /**
   * The JSON text of `delta({ content })`, byte for byte, without building the chunk: the
   * hot path of a stream, taken once per text part.
   */
  contentJson(content: string): string {
    return this.#contentJsonParts[0] + JSON.stringify(content) + this.#contentJsonParts[1];
  }

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
