import type { SharedV4Warning } from '@ai-sdk/provider';
import type { ChatRequest, GenerationSetting, WarningPart } from '@switchboard/core';

const settingsByFeature: Record<string, GenerationSetting> = {
  temperature: 'temperature',
  maxOutputTokens: 'maxOutputTokens',
  topP: 'topP',
  stopSequences: 'stop',
  seed: 'seed',
};

/**
 * The model's `unsupported` warnings about generation settings the request carried, as
 * Switchboard `unsupported-setting` warning parts. Other warnings have no Switchboard form
 * and are left out.
 */
export function toSettingWarnings(warnings: readonly SharedV4Warning[], request: ChatRequest, provider: string): WarningPart[] {
  const parts: WarningPart[] = [];
  for (const warning of warnings) {
    if (warning.type !== 'unsupported') continue;
    const setting = settingsByFeature[warning.feature];
    if (setting === undefined || request[setting] === undefined) continue;
    const details = warning.details ? ` (${warning.details})` : '';
    parts.push({
      type: 'warning',
      code: 'unsupported-setting',
      provider,
      setting,
      message: `Provider ${provider} does not support "${setting}"; the model ignored it${details}.`,
    });
  }
  return parts;
}
