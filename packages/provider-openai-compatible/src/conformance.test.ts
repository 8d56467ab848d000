import type { GenerationSettings } from '@switchboard/core';
import { startOpenAIEmulator, type OpenAIEmulatorFault } from '@switchboard/testing';
import { runProviderConformance, type ConformanceFailure } from '@switchboard/testing/conformance';
import { defineOpenAICompatibleProvider } from './define-openai-compatible-provider.js';

const { providerClass, metadata } = defineOpenAICompatibleProvider({
  name: 'ConformanceOpenAICompatible',
  baseUrl: 'http://127.0.0.1:9/v1',
  models: ['conformance-model'],
  modelAliases: { conformance: 'conformance-model' },
});

const faults: Record<Exclude<ConformanceFailure, 'connection-refused'>, OpenAIEmulatorFault> = {
  'queue-full': { kind: 'rate-limited', retryAfterSeconds: 1 },
  'server-error': { kind: 'status', status: 500 },
  'app-error': { kind: 'error-event', afterTokens: 1 },
  truncated: { kind: 'end-without-done', afterTokens: 2 },
  malformed: { kind: 'malformed-json', afterTokens: 1 },
};

/** The generation settings of a Chat Completions body, under their Switchboard names. */
function settingsOf(body: unknown): GenerationSettings | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const wire = body as Record<string, unknown>;
  const settings = { temperature: wire.temperature, maxOutputTokens: wire.max_tokens, topP: wire.top_p, stop: wire.stop, seed: wire.seed };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as GenerationSettings;
}

runProviderConformance({
  providerClass,
  metadata,
  async start(scenario) {
    const fault =
      scenario.kind === 'stall'
        ? ({ kind: 'stall', afterTokens: 1 } as const)
        : scenario.kind === 'failure' && scenario.failure !== 'connection-refused'
          ? faults[scenario.failure]
          : undefined;
    const emulator = await startOpenAIEmulator({ answer: scenario.answer, tokenSize: 4, fault });
    const connectionClosed = emulator.waitForStreamClose();
    if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await emulator.close();
    const provider = new providerClass({ baseUrl: emulator.baseUrl });
    return {
      provider,
      connectionClosed,
      receivedSettings: () => settingsOf(emulator.requests.at(-1)?.body),
      close: async () => {
        await Promise.all([emulator.close(), provider.close()]);
      },
    };
  },
  failures: {
    'queue-full': 'QUEUE_FULL',
    'server-error': 'UPSTREAM_HTTP',
    'app-error': 'STREAM_TRUNCATED',
    truncated: 'STREAM_TRUNCATED',
    malformed: 'PROTOCOL',
    'connection-refused': 'CONNECTION',
  },
});
