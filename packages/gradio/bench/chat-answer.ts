import type { DiffEdit } from '../src/index.js';
import { GrowingText } from '../src/growing-text.js';

const chatbotOutput = 1;

/**
 * Follows the answer of one chat pair through a Space's output events as a chat consumer does:
 * an `append` at the answer's path is the delta itself, added to the text so far; any other
 * change to the Chatbot, and the completion, make it read the whole answer and compare it
 * with the text so far.
 */
export class ChatAnswer {
  /** The answer as streamed so far. */
  text = '';
  readonly #growingText = new GrowingText();

  /** `pairIndex` is the answer's chat pair: the number of history pairs sent. */
  constructor(private readonly pairIndex: number) {}

  /** Takes one output event's values and edits (`null` for full values). */
  update(values: readonly unknown[], edits: readonly DiffEdit[][] | null): void {
    const answerEdits = edits?.[chatbotOutput];
    if (answerEdits !== undefined) {
      if (answerEdits.length === 0) return;
      if (answerEdits.length === 1 && this.#isAnswerAppend(answerEdits[0]!)) {
        this.text = this.#growingText.concat(this.text, answerEdits[0]![2] as string);
        return;
      }
    }
    this.reconcile(values);
  }

  /** Takes the whole answer from `values`: the authoritative path for completions. */
  reconcile(values: readonly unknown[]): void {
    const chatbot = values[chatbotOutput] as [string, string | null][];
    const answer = chatbot[this.pairIndex]?.[1] ?? '';
    if (answer !== this.text) this.text = answer;
  }

  #isAnswerAppend([operation, path, value]: DiffEdit): boolean {
    return operation === 'append' && typeof value === 'string' && path.length === 2 && path[0] === this.pairIndex && path[1] === 1;
  }
}
