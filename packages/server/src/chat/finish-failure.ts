import { AbortError, StreamTruncatedError, type FinishPart } from '@switchboard/core';
import type { OpenAiFinishReason } from './completion-chunks.js';

/** The OpenAI finish reason of a finish part that ended the answer normally. */
export function openAiFinishReason(part: FinishPart | undefined): OpenAiFinishReason {
  return part?.reason === 'length' ? 'length' : 'stop';
}

/**
 * The error to report when a provider finished with reason `error` or `abort` instead of
 * failing with a typed error; `undefined` for a normal finish.
 */
export function finishFailure(part: FinishPart | undefined, partialText: string): Error | undefined {
  if (part?.reason === 'error') {
    return new StreamTruncatedError('the provider finished the answer with reason "error"', { partialText });
  }
  if (part?.reason === 'abort') return new AbortError('the provider finished the answer with reason "abort"', { partialText });
  return undefined;
}
