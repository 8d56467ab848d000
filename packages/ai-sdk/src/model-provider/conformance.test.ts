import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { GenerationSettings } from '@switchboard/core';
import { runProviderConformance, type ConformanceFailure } from '@switchboard/testing/conformance';
import { startOpenAIUpstream, type OpenAIEmulatorFault } from '../../test/upstreams.js';
import { languageModelProvider } from './language-model-provider.js';

/** The AI SDK's own OpenAI-compatible model, pointed at `baseURL`. */
const openAICompatibleModel = (baseURL: string) =>
  createOpenAICompatible({ name: 'emulated', baseURL, includeUsage: true }).chatModel('emulated-model');

const { providerClass, metadata } = languageModelProvider(openAICompatibleModel('http://127.0.0.1:9/v1'), {
  name: 'AISDKOpenAICompatible',
  modelAliases: { emulated: 'emulated-model' },
});

const faults: Record<Exclude<ConformanceFailure, 'connection-refused'>, OpenAIEmulatorFault> = {
  'queue-full': { kind: 'rate-limited', retryAfterSeconds: 1 },
  'server-error': { kind: 'status', status: 500 },
  'app-error': { kind: 'error-event', afterTokens: 1 },
  truncated: { kind: 'drop-connection', afterTokens: 2 },
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
    const emulator = await startOpenAIUpstream({ answer: scenario.answer, tokenSize: 4, fault });
    const connectionClosed = emulator.waitForStreamClose();
    if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await emulator.close();
    const served = languageModelProvider(openAICompatibleModel(emulator.baseUrl), metadata);
    return {
      provider: new served.providerClass(),
      connectionClosed,
      receivedSettings: () => settingsOf(emulator.requests.at(-1)?.body),
      close: () => emulator.close(),
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
