import type { ChatMessage } from '@switchboard/core';

/** The history of an interactive chat: an optional system prompt and the turns so far. */
export class ChatConversation {
  readonly #turns: ChatMessage[] = [];

  constructor(readonly system?: string) {}

  /** The earlier turns, oldest first (system prompt excluded). */
  get turns(): readonly ChatMessage[] {
    return this.#turns;
  }

  /** The messages to send for a new question: system prompt, earlier turns, then the question. */
  messagesFor(question: string): ChatMessage[] {
    const system: ChatMessage[] = this.system === undefined || this.system === '' ? [] : [{ role: 'system', content: this.system }];
    return [...system, ...this.#turns, { role: 'user', content: question }];
  }

  /** Keeps a question and its answer for the next turns. */
  record(question: string, answer: string): void {
    this.#turns.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
  }

  /** Forgets every turn; the system prompt stays. */
  reset(): void {
    this.#turns.length = 0;
  }
}
