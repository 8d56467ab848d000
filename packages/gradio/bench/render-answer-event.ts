import { randomUUID } from 'node:crypto';
import {
  closeStreamMessage,
  encodeJson,
  estimationMessage,
  frameEvent,
  processCompletedMessage,
  processGeneratingMessage,
  processStartsMessage,
  serverMessageFormat,
  successOutput,
  type ServerMessage,
} from '../src/wire/index.js';
import { benchSystemPrompt } from './bench-case.js';

/** An event of the bench's chat function, rendered once and served as is to every join that asks for it. */
export interface RenderedEvent {
  eventId: string;
  /** Every message of the event, framed, from the estimation to `close_stream`. */
  body: Buffer;
}

const gradio4_36 = serverMessageFormat('4.36.1');

/** Step timings with the full float precision a live server prints, varying from step to step. */
function timingOf(step: number): { duration: number; averageDuration: number } {
  return { duration: 0.05 + (step % 97) / 10_000 + 1 / 3e9, averageDuration: 0.0712 + 1 / 7e9 };
}

/**
 * The data stream a Gradio 4.36 server sends for the chat function answering `query` with
 * `tokens`: an estimation, the start, the first yield in full, one `append` edit per later
 * token, the completion in full and `close_stream`. The tokens must be what the Chatbot's
 * whitespace tidying leaves unchanged, as the bench answer is, so that each one is an append.
 */
export function renderAnswerEvent(query: string, tokens: readonly string[]): RenderedEvent {
  const eventId = randomUUID().replaceAll('-', '');
  const chunks: string[] = [];
  const add = (message: ServerMessage) => chunks.push(frameEvent(encodeJson(message, 'compact')));
  const generating = (data: unknown[], step: number) =>
    add(processGeneratingMessage(gradio4_36, eventId, successOutput(gradio4_36, data, true, timingOf(step))));
  add(estimationMessage(eventId, 0, 1, null));
  add(processStartsMessage(eventId, null));
  tokens.forEach((token, step) => {
    if (step === 0) generating(['', [[query, token]], benchSystemPrompt], step);
    else generating([[], [['append', [0, 1], token]], []], step);
  });
  const finalValues = ['', [[query, tokens.join('')]], benchSystemPrompt];
  add(processCompletedMessage(gradio4_36, eventId, successOutput(gradio4_36, finalValues, false, timingOf(tokens.length)), true));
  add(closeStreamMessage(gradio4_36));
  return { eventId, body: Buffer.from(chunks.join('')) };
}
