import type { WarningPart } from '@switchboard/core';
import type { ChatCompletionCall } from './to-chat-request.js';

/** The response header that lists OpenAI parameters the answering provider ignored. */
export const ignoredParamsHeader = 'x-switchboard-ignored-params';

/**
 * The OpenAI parameter names to report as ignored: those no provider applies, and those
 * behind the `unsupported-setting` warnings of the provider that answers.
 */
export function ignoredParams(call: ChatCompletionCall, warnings: readonly WarningPart[]): string[] {
  const names = new Set(call.ignoredParams);
  for (const warning of warnings) names.add(call.settingParams[warning.setting] ?? warning.setting);
  return [...names];
}

/** `{ 'x-switchboard-ignored-params': 'a,b' }`, or no header when nothing was ignored. */
export function ignoredParamsHeaders(names: readonly string[]): Record<string, string> {
  return names.length === 0 ? {} : { [ignoredParamsHeader]: names.join(',') };
}
