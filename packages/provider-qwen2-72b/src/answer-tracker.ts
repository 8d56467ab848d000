import { ProtocolError, type TextDeltaPart, type TextRevisionPart } from '@switchboard/core';
import type { DiffEdit } from '@switchboard/gradio';
import { chatbotOutputIndex } from './space-constants.js';

type AnswerPart = TextDeltaPart | TextRevisionPart;

/**
 * Turns the Space's growing Chatbot value into text parts. The answer is the bot text of
 * the Chatbot's last chat pair (in the messages format, its last message when that is the
 * assistant's), whatever history the Space sends back: it may trim the history it was
 * given or add turns of its own. An `append` edit at the answer's path is the delta
 * itself; only other edits (or full values) make it read and compare the whole answer, so
 * a long answer streams in linear time.
 */
export class AnswerTracker {
  #emitted = '';

  /** Text sent to the caller so far. */
  get text(): string {
    return this.#emitted;
  }

  /** The part for one output message, or `undefined` when the answer did not change. */
  update(values: readonly unknown[], edits: readonly DiffEdit[][] | null): AnswerPart | undefined {
    const answerEdits = edits?.[chatbotOutputIndex];
    if (answerEdits !== undefined) {
      if (answerEdits.length === 0) return undefined;
      const answerPath = appendPathOf(values[chatbotOutputIndex]);
      if (answerPath !== undefined && answerEdits.every((edit) => isAppendAt(edit, answerPath))) {
        const text = answerEdits.length === 1 ? (answerEdits[0]![2] as string) : answerEdits.map((edit) => edit[2]).join('');
        this.#emitted += text;
        return { type: 'text-delta', text };
      }
    }
    return this.reconcile(values);
  }

  /** Compares the full answer in `values` with what was sent; the authoritative path for completions. */
  reconcile(values: readonly unknown[]): AnswerPart | undefined {
    const answer = readAnswer(values[chatbotOutputIndex]);
    if (answer === this.#emitted) return undefined;
    if (answer.startsWith(this.#emitted)) {
      const text = answer.slice(this.#emitted.length);
      this.#emitted = answer;
      return { type: 'text-delta', text };
    }
    this.#emitted = answer;
    return { type: 'text-revision', text: answer };
  }
}

type AnswerPath = readonly [index: number, key: 1 | 'content'];

/**
 * Where an `append` to the answer text lands in a Chatbot value (with the message's edits
 * applied): `[lastIndex, 1]` for a pair, `[lastIndex, 'content']` for an assistant message
 * with string content; `undefined` when the last entry holds no appendable answer.
 */
function appendPathOf(chatbot: unknown): AnswerPath | undefined {
  if (!Array.isArray(chatbot) || chatbot.length === 0) return undefined;
  const lastIndex = chatbot.length - 1;
  const last: unknown = chatbot[lastIndex];
  if (Array.isArray(last)) return typeof last[1] === 'string' ? [lastIndex, 1] : undefined;
  if (isAssistantMessage(last) && typeof last.content === 'string') return [lastIndex, 'content'];
  return undefined;
}

function isAppendAt([operation, path, value]: DiffEdit, answerPath: AnswerPath): boolean {
  return operation === 'append' && typeof value === 'string' && path.length === 2 && path[0] === answerPath[0] && path[1] === answerPath[1];
}

/**
 * The answer in a Chatbot value: the bot text of its last pair ("tuples" format), or the
 * content of its last message when the assistant wrote it (messages format: `{role,
 * content}` items, content a string or text parts).
 */
function readAnswer(chatbot: unknown): string {
  if (!Array.isArray(chatbot)) throw new ProtocolError(`the Chatbot output is not a list (got ${typeof chatbot})`);
  const last: unknown = chatbot.at(-1);
  if (Array.isArray(last)) return textOf(last[1]);
  return isAssistantMessage(last) ? textOf(last.content) : '';
}

function isAssistantMessage(entry: unknown): entry is { role: 'assistant'; content?: unknown } {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) && (entry as { role?: unknown }).role === 'assistant';
}

function textOf(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => textOf((part as { text?: unknown })?.text)).join('');
  throw new ProtocolError('the chat answer is neither text nor text parts');
}
