import { isDeepStrictEqual } from 'node:util';
import type { GenerationSetting, GenerationSettings } from '@switchboard/core';
import { expect, it } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import type { ConformancePlan } from './plan-conformance.js';
import { readParts, settleWithin } from './read-parts.js';

/** Values no upstream uses by default, exactly representable so that no wire format rounds them. */
const settingValues: Required<GenerationSettings> = {
  temperature: 0.25,
  maxOutputTokens: 321,
  topP: 0.5,
  stop: ['<|conformance-stop|>'],
  seed: 4242,
};

const title = 'passes the generation settings it declares to the upstream';

/** The settings the metadata declares reach the upstream, as the harness reads them back. */
export function registerSettingsChecks(context: ConformanceContext, plan: ConformancePlan['generationSettings']): void {
  if (plan.mode === 'skip') {
    it.skip(`${title} (skipped: ${plan.reason})`, () => {});
    return;
  }
  if (plan.mode === 'invalid') {
    it(title, () => {
      throw new Error(plan.problem);
    });
    return;
  }
  it(`${title}: ${plan.settings.join(', ')}`, async () => {
    const sent = pick(plan.settings);
    const { upstream, request } = await context.start({ kind: 'answer' }, sent);
    if (upstream.receivedSettings === undefined) {
      throw new Error(
        'The metadata declares supportedSettings, but start() returned no receivedSettings(). Return one that reads the ' +
          'settings back from what the upstream received, or skip "generation-settings" with the reason.',
      );
    }
    const { error } = await settleWithin(readParts(upstream.provider.createAsyncGenerator(request)), context.settleLimitMs, 'the answer stream');
    expect(error).toBeUndefined();
    const received = upstream.receivedSettings() ?? {};
    const mismatches = plan.settings
      .filter((setting) => !isDeepStrictEqual(received[setting], sent[setting]))
      .map((setting) => `${setting}: sent ${JSON.stringify(sent[setting])}, upstream received ${JSON.stringify(received[setting])}`);
    if (mismatches.length > 0) throw new Error(`Declared settings did not reach the upstream as sent: ${mismatches.join('; ')}.`);
  });
}

function pick(settings: readonly GenerationSetting[]): GenerationSettings {
  return Object.fromEntries(settings.map((setting) => [setting, settingValues[setting]]));
}
