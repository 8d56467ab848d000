import type { SharedV4Warning } from '@ai-sdk/provider';
import type { GenerationSetting, WarningPart } from '@switchboard/core';

/** The AI SDK call option behind each Switchboard generation setting. */
const callOptionNames: Record<GenerationSetting, string> = {
  temperature: 'temperature',
  maxOutputTokens: 'maxOutputTokens',
  topP: 'topP',
  stop: 'stopSequences',
  seed: 'seed',
};

/** A Switchboard `unsupported-setting` warning as an AI SDK `unsupported` warning naming the call option. */
export function toAISDKWarning(warning: WarningPart): SharedV4Warning {
  return { type: 'unsupported', feature: callOptionNames[warning.setting] ?? warning.setting, details: warning.message };
}
