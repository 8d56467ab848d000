import { createRegistry } from '@switchboard/core';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { quickRouting } from '../test/fakes.js';
import { GatewayPool } from '../test/gateway-pool.js';
import { QwenSpaces, joinRequests, qwenAlias, registerQwenSpace, type QwenSpaceOptions } from '../test/upstreams.js';

const spaces = new QwenSpaces();
const gateways = new GatewayPool();
afterEach(async () => {
  await gateways.closeAll();
  await spaces.closeAll();
});

/** A gateway over one emulated Qwen Space. */
async function gatewayOverSpace(options: QwenSpaceOptions) {
  const space = await spaces.start(options);
  const registry = createRegistry(quickRouting);
  registerQwenSpace(registry, space);
  const { baseURL } = await gateways.start({ registry });
  return { space, openai: new OpenAI({ baseURL, apiKey: 'unused', maxRetries: 0 }) };
}

const echoConversation = (query: string, history: [string, string][], system: string) =>
  `system=${system}; turns=${history.map(([user, assistant]) => `${user}>${assistant}`).join(',')}; query=${query}`;

const conversation = [
  { role: 'system' as const, content: 'Answer in French.' },
  { role: 'user' as const, content: 'Hi' },
  { role: 'assistant' as const, content: 'Salut' },
  { role: 'user' as const, content: 'How are you?' },
];
const expectedAnswer = 'system=Answer in French.; turns=Hi>Salut; query=How are you?';

describe('the official openai client over the Qwen provider and an emulated Space', () => {
  it('gets the same answer streaming and not, with system prompt and history reaching the Space', async () => {
    const { space, openai } = await gatewayOverSpace({ answer: echoConversation, tokenSize: 3 });
    const completion = await openai.chat.completions.create({ model: qwenAlias, messages: conversation });
    expect(completion.choices[0]!.message.content).toBe(expectedAnswer);
    expect(completion.model).toBe(qwenAlias);
    const stream = await openai.chat.completions.create({ model: qwenAlias, messages: conversation, stream: true });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(expectedAnswer);
    expect(joinRequests(space)).toHaveLength(2);
    expect((joinRequests(space)[0]!.body as { data: unknown[] }).data).toEqual(['How are you?', [['Hi', 'Salut']], 'Answer in French.']);
  });

  it('answers an unknown model with NotFoundError, before contacting the Space', async () => {
    const { space, openai } = await gatewayOverSpace({});
    const failure = await openai.chat.completions.create({ model: 'qwen-3', messages: conversation }).catch((error) => error);
    expect(failure).toBeInstanceOf(OpenAI.NotFoundError);
    expect(failure.message).toContain(qwenAlias);
    expect(space.requests).toHaveLength(0);
  });

  it('answers a full queue with RateLimitError and the Space\'s retry-after', async () => {
    const { openai } = await gatewayOverSpace({
      fault: { kind: 'join-status', status: 503, body: '{"detail":"Queue is full. Max size is 2 and size is 2."}', retryAfterSeconds: 4 },
    });
    const failure = await openai.chat.completions
      .create({ model: qwenAlias, messages: conversation, stream: true })
      .catch((error) => error);
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    expect(failure.headers.get('retry-after')).toBe('4');
    expect(failure.message).toContain('Queue is full');
  });

  it('throws APIError after the partial answer when the Space drops the connection mid-answer', async () => {
    const answer = 'abcdefghijklmnopqrstuvwxyz';
    const { openai } = await gatewayOverSpace({ answer, tokenSize: 2, fault: { kind: 'drop-connection', afterTokens: 4 } });
    const stream = await openai.chat.completions.create({ model: qwenAlias, messages: conversation, stream: true });
    let received = '';
    const failure = await (async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
    })().catch((error) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure.status).toBeUndefined();
    expect(received.length).toBeGreaterThan(0);
    expect(answer.startsWith(received)).toBe(true);
    expect(received).not.toBe(answer);
  });

  it('closes the Space\'s data stream promptly when the client aborts', async () => {
    const { space, openai } = await gatewayOverSpace({ answer: 'word '.repeat(200), tokenSize: 5, tokenDelayMs: 20 });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      { model: qwenAlias, messages: conversation, stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    for (let chunk = 0; chunk < 3; chunk += 1) await iterator.next();
    expect(space.openStreams).toBe(1);
    const closed = space.waitForStreamClose();
    const abortedAt = performance.now();
    controller.abort();
    await closed;
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(space.openStreams).toBe(0);
  });
});
