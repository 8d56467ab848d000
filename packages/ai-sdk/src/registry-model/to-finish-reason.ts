import type { LanguageModelV4FinishReason } from '@ai-sdk/provider';
import type { FinishReason } from '@switchboard/core';

const unifiedReasons: Record<FinishReason, LanguageModelV4FinishReason['unified']> = {
  stop: 'stop',
  length: 'length',
  error: 'error',
  abort: 'other',
};

/** A Switchboard finish reason as the AI SDK's: `raw` keeps the Switchboard word. */
export function toFinishReason(reason: FinishReason): LanguageModelV4FinishReason {
  return { unified: unifiedReasons[reason] ?? 'other', raw: reason };
}
