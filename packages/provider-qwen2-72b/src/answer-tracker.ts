import { ProtocolError, type TextDeltaPart, type TextRevisionPart } from '@switchboard/core';
import type { DiffEdit } from '@switchboard/gradio';
import { chatbotOutputIndex } from './space-constants.js';

type AnswerPart = TextDeltaPart | TextRevisionPart;

/**
 * Turns the Space's growing Chatbot value into text parts. An `append` edit at the
 * answer's path is the delta itself; only other edits (or full values) make it read and
 * compare the whole answer, so a long answer streams in linear time.
 */
export class AnswerTracker {
  #emitted = '';

  /** `pairIndex` is the answer's chat pair: the number of history pairs sent. */
  constructor(private readonly pairIndex: number) {}

  /** Text sent to the caller so far. */
  get text(): string {
    return this.#emitted;
  }

  /** The part for one output message, or `undefined` when the answer did not change. */
  update(values: readonly unknown[], edits: readonly DiffEdit[][] | null): AnswerPart | undefined {
    const answerEdits = edits?.[chatbotOutputIndex];
    if (answerEdits !== undefined) {
      if (answerEdits.length === 0) return undefined;
      if (answerEdits.every((edit) => this.#isAnswerAppend(edit))) {
        const text = answerEdits.length === 1 ? (answerEdits[0]![2] as string) : answerEdits.map((edit) => edit[2]).join('');
        this.#emitted += text;
        return { type: 'text-delta', text };
      }
    }
    return this.reconcile(values);
  }

  /** Compares the full answer in `values` with what was sent; the authoritative path for completions. */
  reconcile(values: readonly unknown[]): AnswerPart | undefined {
    const answer = readAnswer(values[chatbotOutputIndex], this.pairIndex);
    if (answer === this.#emitted) return undefined;
    if (answer.startsWith(this.#emitted)) {
      const text = answer.slice(this.#emitted.length);
      this.#emitted = answer;
      return { type: 'text-delta', text };
    }
    this.#emitted = answer;
    return { type: 'text-revision', text: answer };
  }

  #isAnswerAppend([operation, path, value]: DiffEdit): boolean {
    return (
      operation === 'append' &&
      typeof value === 'string' &&
      path.length === 2 &&
      path[0] === this.pairIndex &&
      path[1] === 1
    );
  }
}

/**
 * The bot text of the answer's chat pair. Accepts the pair ("tuples") Chatbot format and
 * the messages format (`{role, content}` items, content a string or text parts).
 */
function readAnswer(chatbot: unknown, pairIndex: number): string {
  if (!Array.isArray(chatbot)) throw new ProtocolError(`the Chatbot output is not a list (got ${typeof chatbot})`);
  const entry: unknown = chatbot[pairIndex];
  if (entry === undefined || entry === null) return lastAssistantMessage(chatbot);
  if (Array.isArray(entry)) return textOf(entry[1]);
  return lastAssistantMessage(chatbot);
}

function lastAssistantMessage(chatbot: readonly unknown[]): string {
  const last = chatbot.at(-1) as { role?: unknown; content?: unknown } | undefined;
  if (last === undefined || typeof last !== 'object' || last === null || Array.isArray(last)) return '';
  return last.role === 'assistant' ? textOf(last.content) : '';
}

function textOf(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => textOf((part as { text?: unknown })?.text)).join('');
  throw new ProtocolError('the chat answer is neither text nor text parts');
}
