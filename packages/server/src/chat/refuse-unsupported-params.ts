import { InvalidRequestError } from '@switchboard/core';
import type { ChatCompletionBody } from './chat-completion-body.js';

const refuse = (param: string, what: string) =>
  new InvalidRequestError(`"${param}" is not supported by this gateway: ${what}. Remove it from the request.`, { param });

/**
 * Throws `InvalidRequestError` (naming the parameter) for anything the gateway cannot
 * serve: tools and functions, more than one choice, a response format other than text,
 * log probabilities, audio output. Neutral values (`n: 1`, `tool_choice: "none"`, empty
 * tool lists, `response_format: {type: "text"}`) are accepted.
 */
export function refuseUnsupportedParams(body: ChatCompletionBody): void {
  if (body.tools !== undefined && body.tools !== null && body.tools.length > 0) throw refuse('tools', 'tool calling is not available');
  if (body.functions !== undefined && body.functions !== null && body.functions.length > 0) {
    throw refuse('functions', 'function calling is not available');
  }
  if (!isNeutralChoice(body.tool_choice)) throw refuse('tool_choice', 'tool calling is not available');
  if (!isNeutralChoice(body.function_call)) throw refuse('function_call', 'function calling is not available');
  if ((body.n ?? 1) > 1) throw refuse('n', 'only one choice (n: 1) can be generated');
  if (body.response_format && body.response_format.type !== 'text') {
    throw refuse('response_format', `only {"type": "text"} is available, not ${JSON.stringify(body.response_format.type)}`);
  }
  if (body.logprobs === true) throw refuse('logprobs', 'log probabilities are not available');
  if ((body.top_logprobs ?? 0) > 0) throw refuse('top_logprobs', 'log probabilities are not available');
  if (body.modalities && body.modalities.some((modality) => modality !== 'text')) {
    throw refuse('modalities', 'only text output is available');
  }
  if (body.audio !== undefined && body.audio !== null) throw refuse('audio', 'audio output is not available');
}

function isNeutralChoice(value: unknown): boolean {
  return value === undefined || value === null || value === 'none';
}
