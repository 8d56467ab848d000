import type { GenerationSettings } from '@switchboard/core';
import { startScriptedServer, type ScriptedReply, type SseStep } from '../../src/index.js';
import type { ConformanceScenario, ConformanceUpstream } from '../../src/conformance/index.js';
import { HttpChatProvider, type HttpChatSettings } from './http-chat-provider.js';
import { splitIntoPieces } from './split-into-pieces.js';

/** The scripted reply of the test chat upstream for one conformance scenario. */
export function chatReplyFor(scenario: ConformanceScenario): ScriptedReply {
  const deltas: SseStep[] = splitIntoPieces(scenario.answer, 4).map((piece) => ({ data: { delta: piece } }));
  if (scenario.kind === 'answer') return { sse: [{ comment: 'accepted' }, ...deltas, { data: { done: true, usage: { prompt_tokens: 6, completion_tokens: deltas.length } } }] };
  if (scenario.kind === 'stall') return { sse: [...deltas.slice(0, 2), { stall: true }] };
  switch (scenario.failure) {
    case 'queue-full':
      return { status: 503, text: 'queue is full, 20 of 20' };
    case 'server-error':
      return { status: 500, text: 'Internal Server Error' };
    case 'app-error':
      return { sse: [...deltas.slice(0, 2), { data: { error: 'the model ran out of memory' } }] };
    case 'truncated':
      return { sse: [...deltas.slice(0, 2), { delayMs: 20 }, { drop: true }] };
    case 'malformed':
      return { sse: [deltas[0]!, { raw: 'data: {"delta": oops\n\n' }] };
    case 'connection-refused':
      return { drop: true };
  }
}

/** Starts the scripted chat upstream for a scenario, with an {@link HttpChatProvider} pointed at it. */
export async function startChatUpstream(scenario: ConformanceScenario, settings: Omit<HttpChatSettings, 'baseUrl'> = {}): Promise<ConformanceUpstream> {
  const server = await startScriptedServer({ routes: { 'POST /chat': chatReplyFor(scenario) } });
  const connectionClosed = server.nextClientClose();
  if (scenario.kind === 'failure' && scenario.failure === 'connection-refused') await server.close();
  return {
    provider: new HttpChatProvider({ ...settings, baseUrl: server.url }),
    connectionClosed,
    receivedSettings: () => settingsFrom(server.requests.at(-1)?.body),
    close: () => server.close(),
  };
}

function settingsFrom(body: unknown): GenerationSettings | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const wire = body as Record<string, never>;
  return { temperature: wire.temperature, maxOutputTokens: wire.max_tokens, topP: wire.top_p, stop: wire.stop, seed: wire.seed };
}
