import type { GradioEvent } from '../gradio-event.js';
import type { SubmitRequest } from '../submit-request.js';

/** The system prompt the Qwen2-72B Space echoes back as its third output. */
export const systemPrompt = 'You are a helpful assistant.';

/** An answer with CJK, accents, an emoji with a skin-tone modifier and an astral emoji: escaped as `\uXXXX` before Gradio 4.24. */
export const nonAsciiAnswer = '你好，世界！Grüße 👋🏽 — ça va? 🎉 終わり';

/**
 * An answer the Chatbot's whitespace tidy-up rewrites while it streams: the indented second
 * line is shown as `1. **A**\ndetail` until the unindented third one arrives.
 */
export const markdownAnswer = '1. **A**\n   detail\nNext';

/** Earlier turns as the Space's Chatbot holds them: `[user, assistant]` pairs. */
export type ChatHistory = [user: string, assistant: string][];

/** A call of the Space's chat function: dependency 0 (Input submit), inputs `[query, history, system]`. */
export function chatRequest(query: string, history: ChatHistory = [], extra: Partial<SubmitRequest> = {}): SubmitRequest {
  return { fnIndex: 0, triggerId: 11, data: [query, history, systemPrompt], ...extra };
}

/** The output values the chat function ends with: `["", history + [[query, answer]], system]`. */
export function chatValues(query: string, answer: string, history: ChatHistory = []): unknown[] {
  return ['', [...history, [query, answer]], systemPrompt];
}

/** The answer inside the chat function's output values: `values[1][history.length][1]`. */
export function answerIn(values: readonly unknown[], historyLength: number): unknown {
  const pairs = values[1] as unknown[][] | undefined;
  return pairs?.[historyLength]?.[1];
}

/** The answer as each output event left it, in order. */
export function answersOfOutputs(events: readonly GradioEvent[], historyLength: number): unknown[] {
  return events.filter((event) => event.type === 'output').map((event) => answerIn(event.values, historyLength));
}

/**
 * The answer a consumer builds from the output events' edits alone: full values start it, an
 * `append` at the answer's path extends it, a `replace` there restarts it. Any other edit
 * throws, since the chat function changes nothing else.
 */
export function answerFromEdits(events: readonly GradioEvent[], historyLength: number): string {
  const answerPath = JSON.stringify([historyLength, 1]);
  let text = '';
  for (const event of events) {
    if (event.type !== 'output') continue;
    if (event.edits === null) {
      text = String(answerIn(event.values, historyLength));
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
