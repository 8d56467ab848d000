import type { GradioEvent, SubmitRequest } from '@switchboard/gradio';
import { chatTestIds } from './chat-test-app.js';

/** An answer with CJK, accents, an emoji with a skin-tone modifier and an astral emoji: escaped as `\uXXXX` before Gradio 4.24. */
export const nonAsciiAnswer = '你好，世界！Grüße 👋🏽 — ça va? 🎉 終わり';

/**
 * An answer the Chatbot's whitespace tidy-up rewrites while it streams: the indented second
 * line is shown as `1. **A**\ndetail` until the unindented third one arrives.
 */
export const markdownAnswer = '1. **A**\n   detail\nNext';

/** Earlier turns as a Chatbot holds them: `[user, assistant]` pairs. */
export type ChatHistory = [user: string, assistant: string][];

/** A call of the test app's chat function through dependency 0 (the message box's `submit`). */
export function chatRequest(message: string, history: ChatHistory = [], extra: Partial<SubmitRequest> = {}): SubmitRequest {
  return { fnIndex: 0, triggerId: chatTestIds.message, data: [message, history], ...extra };
}

/** The output values the chat function ends with: `["", history + [[message, answer]]]`. */
export function chatValues(message: string, answer: string, history: ChatHistory = []): unknown[] {
  return ['', [...history, [message, answer]]];
}

/** The answer inside the chat function's output values: `values[1][pairIndex][1]`. */
export function answerIn(values: readonly unknown[], pairIndex: number): unknown {
  const pairs = values[1] as unknown[][] | undefined;
  return pairs?.[pairIndex]?.[1];
}

/** The answer as each output event left it, in order. */
export function answersOfOutputs(events: readonly GradioEvent[], pairIndex: number): unknown[] {
  return events.filter((event) => event.type === 'output').map((event) => answerIn(event.values, pairIndex));
}

/**
 * The answer a consumer builds from the output events' edits alone: full values start it, an
 * `append` at the answer's path extends it, a `replace` there restarts it. Any other edit
 * throws, since the chat function changes nothing else.
 */
export function answerFromEdits(events: readonly GradioEvent[], pairIndex: number): string {
  const answerPath = JSON.stringify([pairIndex, 1]);
  let text = '';
  for (const event of events) {
    if (event.type !== 'output') continue;
    if (event.edits === null) {
      text = String(answerIn(event.values, pairIndex));
      continue;
    }
    event.edits.forEach((edits, outputIndex) => {
      for (const [op, path, value] of edits) {
        const known = outputIndex === 1 && JSON.stringify(path) === answerPath && (op === 'append' || op === 'replace');
        if (!known) throw new Error(`unexpected edit ${op} ${JSON.stringify(path)} on output ${outputIndex}`);
        text = op === 'append' ? text + String(value) : String(value);
      }
    });
  }
  return text;
}

/** Whether any output event rewrote the answer with a `replace` edit. */
export function hasReplaceEdit(events: readonly GradioEvent[]): boolean {
  return events.some((event) => event.type === 'output' && event.edits?.some((edits) => edits.some(([op]) => op === 'replace')) === true);
}
