import type { ChatProvider, GenerationSettings } from '@switchboard/core';
import type {
  ConformanceFailure,
  ConformanceFailureCodes,
  ConformanceScenario,
  ConformanceUpstream,
  ProviderConformanceOptions,
} from '../conformance/conformance-harness.js';
import type { OpenAIEmulatorFault } from './openai-emulator-options.js';
import { startOpenAIEmulator } from './start-openai-emulator.js';

/** A provider pointed at an OpenAI emulator; its `close()`, if it has one, runs after each test. */
export type OpenAIEmulatorClient = ChatProvider & { close?(): Promise<void> };

/** Settings of {@link openAIEmulatorConformanceUpstream}. */
export interface OpenAIEmulatorConformanceOptions {
  /** Makes the provider under test, pointed at the emulator's `baseUrl` (it ends in `/v1`). */
  connect(baseUrl: string): OpenAIEmulatorClient;
  /**
   * How the emulator cuts the answer short for the `truncated` failure, after two content
   * chunks: `'end-without-done'` (default) ends the body without `data: [DONE]`,
   * `'drop-connection'` drops the connection in the middle of a chunk.
   */
  truncation?: 'end-without-done' | 'drop-connection';
}

/** The upstream side of a conformance run: spread into `runProviderConformance`'s options. */
export type OpenAIEmulatorConformanceUpstream = Required<Pick<ProviderConformanceOptions, 'start' | 'failures'>>;

/**
 * Runs the conformance suite's upstream on {@link startOpenAIEmulator}, one emulator per
 * scenario, for a provider that speaks the Chat Completions protocol. Every failure kind is
 * produced: `queue-full` as a 429, `server-error` as a 500, `app-error` as an error event in
 * the stream, `truncated`, `malformed` as broken JSON, `connection-refused` by closing the
 * emulator before the provider connects. The stall holds the stream after one chunk, the
 * closed connection is the emulator's stream close, and the received settings are read back
 * from the last request body (`max_tokens` → `maxOutputTokens`, `top_p` → `topP`).
 *
 * @example
 * runProviderConformance({
 *   providerClass,
 *   ...openAIEmulatorConformanceUpstream({ connect: (baseUrl) => new providerClass({ baseUrl }) }),
 * });
 */
export function openAIEmulatorConformanceUpstream(options: OpenAIEmulatorConformanceOptions): OpenAIEmulatorConformanceUpstream {
  const faults: Record<Exclude<ConformanceFailure, 'connection-refused'>, OpenAIEmulatorFault> = {
    'queue-full': { kind: 'rate-limited', retryAfterSeconds: 1 },
    'server-error': { kind: 'status', status: 500 },
    'app-error': { kind: 'error-event', afterTokens: 1 },
    truncated: { kind: options.truncation ?? 'end-without-done', afterTokens: 2 },
    malformed: { kind: 'malformed-json', afterTokens: 1 },
  };
  const faultFor = (scenario: ConformanceScenario): OpenAIEmulatorFault | undefined => {
    if (scenario.kind === 'stall') return { kind: 'stall', afterTokens: 1 };
    if (scenario.kind === 'failure' && scenario.failure !== 'connection-refused') return faults[scenario.failure];
    return undefined;
  };
  return {
    async start(scenario): Promise<ConformanceUpstream> {
      const emulator = await startOpenAIEmulator({ answer: scenario.answer, tokenSize: 4, fault: faultFor(scenario) });
      const connectionClosed = emulator.waitForStreamClose();
      if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await emulator.close();
      const provider = options.connect(emulator.baseUrl);
      return {
        provider,
        connectionClosed,
        receivedSettings: () => settingsOf(emulator.requests.at(-1)?.body),
        close: async () => {
          await Promise.all([emulator.close(), provider.close?.()]);
        },
      };
    },
    failures: openAIEmulatorFailureCodes,
  };
}

const openAIEmulatorFailureCodes: ConformanceFailureCodes = {
  'queue-full': 'QUEUE_FULL',
  'server-error': 'UPSTREAM_HTTP',
  'app-error': 'STREAM_TRUNCATED',
  truncated: 'STREAM_TRUNCATED',
  malformed: 'PROTOCOL',
  'connection-refused': 'CONNECTION',
};

/** The generation settings of a Chat Completions body, under their Switchboard names. */
function settingsOf(body: unknown): GenerationSettings | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const wire = body as Record<string, unknown>;
  const settings = { temperature: wire.temperature, maxOutputTokens: wire.max_tokens, topP: wire.top_p, stop: wire.stop, seed: wire.seed };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as GenerationSettings;
}
