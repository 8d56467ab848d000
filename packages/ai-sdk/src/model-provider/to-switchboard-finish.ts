import type { LanguageModelV4FinishReason, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { FinishPart, FinishReason, Usage } from '@switchboard/core';

const finishReasons: Partial<Record<LanguageModelV4FinishReason['unified'], FinishReason>> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'stop',
  'tool-calls': 'stop',
  other: 'stop',
};

/**
 * The model's `finish` as a Switchboard finish part, or `undefined` when it says the answer
 * did not complete (`error`, `interrupted`), which the caller reports as a failure. Token
 * counts become `usage` with `source: 'upstream'` when the model reported any.
 */
export function toSwitchboardFinish(finishReason: LanguageModelV4FinishReason, usage: LanguageModelV4Usage | undefined): FinishPart | undefined {
  const reason = finishReasons[finishReason.unified];
  if (reason === undefined) return undefined;
  const counts = toSwitchboardUsage(usage);
  return { type: 'finish', reason, ...(counts === undefined ? {} : { usage: counts }) };
}

function toSwitchboardUsage(usage: LanguageModelV4Usage | undefined): Usage | undefined {
  const inputTokens = usage?.inputTokens.total;
  const outputTokens = usage?.outputTokens.total;
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return {
    ...(inputTokens === undefined ? {} : { inputTokens }),
    ...(outputTokens === undefined ? {} : { outputTokens }),
    source: 'upstream',
  };
}
