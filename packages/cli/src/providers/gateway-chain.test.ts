import { applyTextPart, createRegistry, type ChatMessage, type StreamPart } from '@switchboard/core';
import { defineOpenAICompatibleProvider } from '@switchboard/provider-openai-compatible';
import { Qwen2_72BProvider, createQwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';
import { QwenSpaceEmulatorPool, type QwenSpaceEmulatorOptions } from '@switchboard/provider-qwen2-72b/testing';
import { createGateway } from '@switchboard/server';
import { readParts, runProviderConformance, type ConformanceFailure, type ConformanceScenario } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Gateway → gateway: an `openaiCompatible` upstream that is itself a Switchboard gateway.
 * The OpenAI-compatible provider in front of it serves the gateway's alias for the Qwen Space.
 */
const { providerClass, metadata } = defineOpenAICompatibleProvider({
  name: 'SwitchboardGateway',
  baseUrl: 'http://127.0.0.1:9/v1',
  models: ['qwen-2-72b'],
  supportedSettings: [],
});

/**
 * The chain: an emulated Qwen Space, the Qwen provider in a registry of its own, a gateway
 * over that registry on 127.0.0.1, and the OpenAI-compatible provider pointed at the gateway.
 */
async function startChain(spaceOptions: QwenSpaceEmulatorOptions) {
  const space = await spaces.start(spaceOptions);
  const registry = createRegistry({ retry: { maxAttempts: 1 } });
  registry.register(Qwen2_72BProvider, qwen2_72bMetadata, { settings: { baseUrl: space.url } });
  const gateway = createGateway({ registry, keepAliveMs: 0 });
  const url = await gateway.listen({ host: '127.0.0.1', port: 0 });
  const provider = new providerClass({ baseUrl: `${url}/v1` });
  const close = async () => {
    await provider.close();
    await gateway.close({ graceMs: 0 });
  };
  closers.push(close);
  return { space, provider, close };
}

const spaces = new QwenSpaceEmulatorPool();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await spaces.closeAll();
});

type SpaceFault = NonNullable<QwenSpaceEmulatorOptions['fault']>;

const faults: Record<Exclude<ConformanceFailure, 'connection-refused'>, SpaceFault> = {
  'queue-full': { kind: 'queue-full' },
  'server-error': { kind: 'join-status', status: 500, body: 'Internal Server Error' },
  'app-error': { kind: 'app-error', message: null },
  truncated: { kind: 'drop-connection', afterTokens: 2 },
  malformed: { kind: 'malformed-json', afterTokens: 1 },
};

function faultFor(scenario: ConformanceScenario): SpaceFault | undefined {
  if (scenario.kind === 'stall') return { kind: 'stall', afterTokens: 2 };
  if (scenario.kind === 'failure' && scenario.failure !== 'connection-refused') return faults[scenario.failure];
  return undefined;
}

runProviderConformance({
  providerClass,
  metadata,
  async start(scenario) {
    const chain = await startChain({ answer: scenario.answer, tokenSize: 4, fault: faultFor(scenario) });
    // The Space's stream closes only when the gateway passed on the provider's disconnect.
    const connectionClosed = chain.space.waitForStreamClose();
    if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await chain.close();
    return { provider: chain.provider, connectionClosed };
  },
  failures: {
    'queue-full': 'QUEUE_FULL',
    'server-error': 'UPSTREAM_HTTP',
    // Once its stream is open (here after the Space's "started" status), the gateway reports a
    // failure as an error event, whatever its cause, and the provider as a broken stream.
    'app-error': 'STREAM_TRUNCATED',
    truncated: 'STREAM_TRUNCATED',
    malformed: 'STREAM_TRUNCATED',
    'connection-refused': 'CONNECTION',
  },
});

const conversation: ChatMessage[] = [
  { role: 'system', content: 'Answer in French.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Salut' },
  { role: 'user', content: 'How are you?' },
];

/** The parts and final text the Qwen provider gives when called directly, and through the chain. */
async function directAndChained(spaceOptions: QwenSpaceEmulatorOptions, messages: ChatMessage[]) {
  const request = { model: 'qwen-2-72b', messages };
  const directSpace = await spaces.start(spaceOptions);
  const direct = await readParts(createQwen2_72BProvider({ baseUrl: directSpace.url }).createAsyncGenerator(request));
  const chain = await startChain(spaceOptions);
  const chained = await readParts(chain.provider.createAsyncGenerator(request));
  expect(direct.error).toBeUndefined();
  expect(chained.error).toBeUndefined();
  return {
    direct: { parts: direct.parts, text: direct.parts.reduce(applyTextPart, '') },
    chained: { parts: chained.parts, text: chained.parts.reduce(applyTextPart, '') },
  };
}

const ofType = (parts: StreamPart[], type: StreamPart['type']) => parts.filter((part) => part.type === type);

describe('the OpenAI-compatible provider in front of a Switchboard gateway', () => {
  it('gives the same final text as the Qwen provider called directly, conversation and system prompt included', async () => {
    const echo = (query: string, history: Array<[string, string]>, system: string) =>
      `system=${system}; turns=${history.map(([user, assistant]) => `${user}>${assistant}`).join(',')}; query=${query}; 東京 🦊`;
    const { direct, chained } = await directAndChained({ answer: echo, tokenSize: 3 }, conversation);
    expect(direct.text).toBe('system=Answer in French.; turns=Hi>Salut; query=How are you?; 東京 🦊');
    expect(chained.text).toBe(direct.text);
    expect(ofType(chained.parts, 'finish')).toMatchObject([{ type: 'finish', reason: 'stop' }]);
  });

  it('ends with the exact final text when the Space rewrites text it already sent', async () => {
    const answer = '1. **Title**\n   detail\nNext line';
    const { direct, chained } = await directAndChained({ answer, tokenSize: 3, tidyWhitespace: true }, [{ role: 'user', content: 'list' }]);
    expect(ofType(direct.parts, 'text-revision').length).toBeGreaterThan(0);
    expect(ofType(chained.parts, 'text-revision').length).toBeGreaterThan(0);
    expect(chained.text).toBe(direct.text);
    expect(chained.text).toBe(answer);
    const appendedOnly = ofType(chained.parts, 'text-delta')
      .map((part) => (part as { text: string }).text)
      .join('');
    expect(appendedOnly, 'without the revisions the text would differ').not.toBe(answer);
  });
});
