import type { DiffEdit } from '@switchboard/gradio';
import { cleanDoc } from './clean-doc.js';
import { IncrementalCleanDoc } from './incremental-clean-doc.js';

/** A `[user, bot]` pair of a Chatbot in the pair ("tuples") format, as text. */
export type ChatbotPair = [user: string, bot: string];

/** What {@link chatbotReply} streams. */
export interface ChatbotReplyOptions {
  /** The pairs before the new one, as the function returns them (items may be `null`). */
  history: readonly (readonly unknown[])[];
  /** The user message of the new pair. */
  message: unknown;
  /** The reply, in the pieces the function yields. */
  tokens: Iterable<string>;
  /** Tidy every string with Python's `inspect.cleandoc`, as Gradio's Chatbot does. Default true. */
  tidyWhitespace?: boolean;
}

/** The Chatbot after one more piece of the reply. */
export interface ChatbotReplyStep {
  /** The history and `[message, reply so far]`. Each step returns a new list. */
  value: unknown[][];
  /**
   * The edits from the previous step's value, when known without comparing: an `append` at
   * the reply's path, or none. `undefined` when the tidied reply may have been rewritten.
   */
  edits: DiffEdit[] | undefined;
}

/** The pairs of a Chatbot input value as text (`null` items become `''`); anything but pairs is skipped. */
export function chatbotPairs(value: unknown): ChatbotPair[] {
  if (!Array.isArray(value)) return [];
  const text = (item: unknown) => (typeof item === 'string' ? item : item === null || item === undefined ? '' : String(item));
  return value.filter((pair) => Array.isArray(pair)).map((pair: unknown[]) => [text(pair[0]), text(pair[1])]);
}

/**
 * The Chatbot values of a generator that appends one pair and grows its reply piece by
 * piece, as a streaming chat function does. The Chatbot tidies what it shows, so a piece can
 * rewrite the reply shown so far (the step's edits are then `undefined`).
 */
export function* chatbotReply(options: ChatbotReplyOptions): Generator<ChatbotReplyStep> {
  const tidyWhitespace = options.tidyWhitespace ?? true;
  const tidy = (value: unknown) => (typeof value === 'string' && tidyWhitespace ? cleanDoc(value) : (value ?? null));
  const history = options.history.map((pair) => [tidy(pair[0]), tidy(pair[1])]);
  const message = tidy(options.message);
  const replyPath = [history.length, 1];
  const reply = new IncrementalCleanDoc(tidyWhitespace);
  for (const token of options.tokens) {
    const { text, appended } = reply.append(token);
    const edits: DiffEdit[] | undefined = appended === undefined ? undefined : appended === '' ? [] : [['append', replyPath, appended]];
    yield { value: [...history, [message, text]], edits };
  }
}
