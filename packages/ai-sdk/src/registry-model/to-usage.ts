import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { Usage } from '@switchboard/core';

/**
 * Switchboard token counts in the AI SDK's nested shape. Unknown counts stay `undefined`;
 * every output token is a text token (Switchboard providers report no reasoning tokens), and
 * `raw` keeps the counts with their `source`.
 */
export function toUsage(usage: Usage | undefined): LanguageModelV4Usage {
  return {
    inputTokens: { total: usage?.inputTokens, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: usage?.outputTokens, text: usage?.outputTokens, reasoning: undefined },
    ...(usage === undefined ? {} : { raw: { ...usage } }),
  };
}
