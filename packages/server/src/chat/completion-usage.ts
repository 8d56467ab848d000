import { messageText, type ChatMessage, type Usage } from '@switchboard/core';

/** OpenAI `usage`, with `switchboard_estimated: true` when any count was estimated by the gateway. */
export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  switchboard_estimated?: true;
}

type CountTokens = (text: string) => number;
let tokenCounter: Promise<CountTokens> | undefined;

/**
 * Loads the tokenizer (o200k_base, about 0.4 s the first time) in the background, so the
 * first estimate does not wait for it.
 */
export function loadTokenCounter(): Promise<CountTokens> {
  tokenCounter ??= import('gpt-tokenizer/encoding/o200k_base').then(({ countTokens }) => {
    const plainText = { disallowedSpecial: new Set<string>() };
    return (text: string) => (text === '' ? 0 : countTokens(text, plainText));
  });
  return tokenCounter;
}

/**
 * Token counts for an answer: the upstream's when the finish part carries them, the
 * tokenizer's estimate for whatever is missing (then marked `switchboard_estimated`).
 * The prompt estimate adds a few tokens per message for the chat format.
 */
export async function completionUsage(messages: readonly ChatMessage[], answer: string, usage?: Usage): Promise<OpenAiUsage> {
  const upstream = usage?.source === 'upstream';
  let prompt = upstream ? usage.inputTokens : undefined;
  let completion = upstream ? usage.outputTokens : undefined;
  const estimated = prompt === undefined || completion === undefined;
  if (estimated) {
    const count = await loadTokenCounter();
    prompt ??= messages.reduce((total, message) => total + 4 + count(messageText(message)), 3);
    completion ??= count(answer);
  }
  return {
    prompt_tokens: prompt!,
    completion_tokens: completion!,
    total_tokens: prompt! + completion!,
    ...(estimated ? { switchboard_estimated: true as const } : {}),
  };
}
