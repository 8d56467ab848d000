import type { ChatRequest, StreamPart } from '@switchboard/core';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { conformanceFailures, type ConformanceScenario, type ConformanceUpstream } from '../conformance/conformance-harness.js';
import { isStillPending } from '../conformance/is-still-pending.js';
import { openAIEmulatorConformanceUpstream, type OpenAIEmulatorConformanceOptions } from './openai-emulator-conformance-upstream.js';

const agent = new Agent();
const request: ChatRequest = { model: 'emulated-model', messages: [{ role: 'user', content: 'Say something.' }] };
const answer = 'One two three four.';
const upstreams: ConformanceUpstream[] = [];

afterEach(async () => {
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close?.()));
});
afterAll(() => agent.destroy());

/** A provider stand-in: the test talks to the emulator itself; this records where it was pointed and its close. */
class PointedProvider {
  closed = 0;
  constructor(readonly baseUrl: string) {}
  async *createAsyncGenerator(): AsyncGenerator<StreamPart> {}
  async close(): Promise<void> {
    this.closed += 1;
  }
}

async function start(scenario: ConformanceScenario, options: Partial<OpenAIEmulatorConformanceOptions> = {}) {
  const harness = openAIEmulatorConformanceUpstream({ connect: (baseUrl) => new PointedProvider(baseUrl), ...options });
  const upstream = await harness.start(scenario);
  upstreams.push(upstream);
  return { harness, upstream, provider: upstream.provider as PointedProvider };
}

function postChat(baseUrl: string, body: Record<string, unknown>, signal?: AbortSignal) {
  return fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'emulated-model', messages: request.messages, stream: true, ...body }),
    dispatcher: agent,
    signal,
  });
}

/** The `data:` payloads of the complete lines of an event-stream body. */
function dataLines(body: string): string[] {
  return body
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length));
}

function contentOf(payloads: readonly string[]): string {
  return payloads
    .filter((payload) => payload !== '[DONE]')
    .map((payload) => (JSON.parse(payload) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content ?? '')
    .join('');
}

describe('openAIEmulatorConformanceUpstream', () => {
  it('expects every failure kind, connection-refused as CONNECTION', () => {
    const { failures } = openAIEmulatorConformanceUpstream({ connect: (baseUrl) => new PointedProvider(baseUrl) });
    expect(Object.keys(failures).sort()).toEqual([...conformanceFailures].sort());
    expect(failures['connection-refused']).toBe('CONNECTION');
  });

  it('streams the answer in 4-character chunks to the provider it pointed at /v1, and reads the settings back', async () => {
    const { upstream, provider } = await start({ kind: 'answer', request, answer });
    expect(provider.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await postChat(provider.baseUrl, { temperature: 0.2, max_tokens: 50, top_p: 0.9, stop: ['\n'], seed: 7 });
    const payloads = dataLines(await response.text());
    expect(contentOf(payloads)).toBe(answer);
    expect(payloads.at(-1)).toBe('[DONE]');
    expect(upstream.receivedSettings?.()).toEqual({ temperature: 0.2, maxOutputTokens: 50, topP: 0.9, stop: ['\n'], seed: 7 });
  });

  it('closes both the emulator and the provider', async () => {
    const { upstream, provider } = await start({ kind: 'answer', request, answer });
    await upstream.close?.();
    expect(provider.closed).toBe(1);
    await expect(postChat(provider.baseUrl, {})).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });

  it('refuses the connection for connection-refused', async () => {
    const { provider } = await start({ kind: 'failure', failure: 'connection-refused', request, answer });
    await expect(postChat(provider.baseUrl, {})).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });

  it('answers queue-full with a 429 and server-error with a 500', async () => {
    const queueFull = await start({ kind: 'failure', failure: 'queue-full', request, answer });
    const serverError = await start({ kind: 'failure', failure: 'server-error', request, answer });
    expect((await postChat(queueFull.provider.baseUrl, {})).status).toBe(429);
    expect((await postChat(serverError.provider.baseUrl, {})).status).toBe(500);
  });

  it('sends an error event for app-error and broken JSON for malformed, after one chunk', async () => {
    const appError = await start({ kind: 'failure', failure: 'app-error', request, answer });
    const appErrorPayloads = dataLines(await (await postChat(appError.provider.baseUrl, {})).text());
    expect(JSON.parse(appErrorPayloads.at(-1)!)).toMatchObject({ error: { type: 'server_error' } });

    const malformed = await start({ kind: 'failure', failure: 'malformed', request, answer });
    const malformedPayloads = dataLines(await (await postChat(malformed.provider.baseUrl, {})).text());
    expect(contentOf(malformedPayloads.slice(0, 2))).toBe(answer.slice(0, 4));
    expect(() => JSON.parse(malformedPayloads[2]!)).toThrow(SyntaxError);
  });

  it('truncates after two chunks without [DONE] by default, or drops the connection when asked', async () => {
    const ended = await start({ kind: 'failure', failure: 'truncated', request, answer });
    const payloads = dataLines(await (await postChat(ended.provider.baseUrl, {})).text());
    expect(contentOf(payloads)).toBe(answer.slice(0, 8));
    expect(payloads).not.toContain('[DONE]');

    const dropped = await start({ kind: 'failure', failure: 'truncated', request, answer }, { truncation: 'drop-connection' });
    await expect((await postChat(dropped.provider.baseUrl, {})).text()).rejects.toThrow();
  });

  it('holds the stall after one chunk, and its connectionClosed resolves only once the client leaves', async () => {
    const { upstream, provider } = await start({ kind: 'stall', request, answer });
    const client = new AbortController();
    const response = await postChat(provider.baseUrl, {}, client.signal);
    const reader = response.body!.getReader();
    let received = '';
    while (contentOf(dataLines(received)).length === 0) received += new TextDecoder().decode((await reader.read()).value);
    expect(contentOf(dataLines(received))).toBe(answer.slice(0, 4));
    expect(await isStillPending(upstream.connectionClosed!)).toBe(true);
    client.abort();
    await upstream.connectionClosed;
  });
});
