import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import type { ChatRequest } from '@switchboard/core';
import { callOptionWarnings } from './call-option-warnings.js';
import { switchboardCallOptions } from './switchboard-call-options.js';
import { toChatMessages } from './to-chat-messages.js';

/** A Switchboard request made from an AI SDK call, and the warnings for what it could not carry. */
export interface TranslatedCall {
  request: ChatRequest;
  warnings: SharedV4Warning[];
}

/**
 * Turns AI SDK call options into a Switchboard request for `model`: the prompt becomes
 * messages, `maxOutputTokens`, `temperature`, `topP`, `stopSequences` and `seed` become
 * generation settings, `providerOptions.switchboard` adds pinning and time limits. Throws
 * `UnsupportedFunctionalityError` for non-text prompt content.
 */
export function toChatRequest(model: string, options: LanguageModelV4CallOptions): TranslatedCall {
  const { provider, timeouts } = switchboardCallOptions(options.providerOptions);
  const settings: Partial<ChatRequest> = {
    temperature: options.temperature,
    maxOutputTokens: options.maxOutputTokens,
    topP: options.topP,
    stop: options.stopSequences !== undefined && options.stopSequences.length > 0 ? options.stopSequences : undefined,
    seed: options.seed,
    provider,
    timeouts,
  };
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  return {
    request: { model, messages: toChatMessages(options.prompt), ...defined },
    warnings: callOptionWarnings(options),
  };
}
