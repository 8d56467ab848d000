import { encodeJson } from './encode-json.js';

/** One message as a Gradio data stream frames it: `data: ` + payload + a blank line. */
export function frameEvent(payload: string): string {
  return `data: ${payload}\n\n`;
}

/**
 * A data-stream body holding `messages` in order, each framed by {@link frameEvent}.
 * `encode` defaults to the compact (orjson) style of Gradio 4.24 and later.
 */
export function sseBody(messages: readonly unknown[], encode: (message: unknown) => string = (message) => encodeJson(message, 'compact')): string {
  return messages.map((message) => frameEvent(encode(message))).join('');
}
