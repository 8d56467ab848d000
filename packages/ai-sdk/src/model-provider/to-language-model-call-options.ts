import type { JSONObject, LanguageModelV4CallOptions, LanguageModelV4Prompt } from '@ai-sdk/provider';
import { messageText, type ChatMessage, type ChatRequest } from '@switchboard/core';

/** Switchboard messages as an AI SDK prompt: system text, and user and assistant turns as one text part each. */
export function toLanguageModelPrompt(messages: readonly ChatMessage[]): LanguageModelV4Prompt {
  return messages.map((message) => {
    const text = messageText(message);
    if (message.role === 'system') return { role: 'system', content: text };
    return { role: message.role, content: [{ type: 'text', text }] };
  });
}

/**
 * The AI SDK call for a Switchboard request: its messages as the prompt, `maxOutputTokens`,
 * `temperature`, `topP`, `stop` (as `stopSequences`) and `seed` as call options, and
 * `request.providerOptions` as the AI SDK's `providerOptions` (keyed by AI SDK provider).
 */
export function toLanguageModelCallOptions(request: ChatRequest, abortSignal: AbortSignal): LanguageModelV4CallOptions {
  const options: Partial<LanguageModelV4CallOptions> = {
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
    topP: request.topP,
    stopSequences: request.stop === undefined ? undefined : [...request.stop],
    seed: request.seed,
    providerOptions: request.providerOptions as Record<string, JSONObject> | undefined,
  };
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { prompt: toLanguageModelPrompt(request.messages), ...defined, abortSignal };
}
