import { APICallError, NoSuchModelError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { StreamTruncatedError, UpstreamHttpError } from '@switchboard/core';
import { NoOutputGeneratedError, generateText, streamText, type TextStreamPart } from 'ai';
import { describe, expect, it } from 'vitest';
import { fail, fake, finish, part, queued, registryOf, started, text } from '../../test/fake-registry.js';
import { createSwitchboard } from './create-switchboard.js';

const usage = { inputTokens: 7, outputTokens: 3, source: 'upstream' as const };

async function collect(stream: AsyncIterable<TextStreamPart<any>>) {
  const parts: Array<TextStreamPart<any>> = [];
  for await (const value of stream) parts.push(value);
  return parts;
}

describe('streamText over a registry', () => {
  it('streams the deltas, the final text, the finish reason, usage and response metadata', async () => {
    const alpha = fake('Alpha', [text('Hello'), text(', '), text('world'), part({ type: 'finish', reason: 'stop', usage })]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha]), generateId: () => 'response-1' });
    const result = streamText({ model: switchboard('shared'), prompt: 'Say hello', maxRetries: 0 });
    const parts = await collect(result.fullStream);
    expect(parts.filter((value) => value.type === 'text-delta').map((value) => value.text)).toEqual(['Hello', ', ', 'world']);
    expect(await result.text).toBe('Hello, world');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({ inputTokens: 7, outputTokens: 3, totalTokens: 10 });
    const response = await result.response;
    expect(response).toMatchObject({ id: 'response-1', modelId: 'shared-model' });
    expect((await result.providerMetadata)?.switchboard).toMatchObject({ provider: 'Alpha', model: 'shared-model', attempts: 1, fallbacks: [], usageSource: 'upstream' });
    expect(alpha.calls[0]!.request.messages).toEqual([{ role: 'user', content: 'Say hello' }]);
  });

  it('sends system, user and assistant turns and the generation settings', async () => {
    const alpha = fake('Alpha', [text('ok'), finish()], { supportedSettings: ['temperature', 'maxOutputTokens', 'topP', 'stop', 'seed'] });
    const switchboard = createSwitchboard({ registry: registryOf([alpha]) });
    const result = streamText({
      model: switchboard('shared'),
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'first' },
        { role: 'user', content: [{ type: 'text', text: 'two' }, { type: 'text', text: ' parts' }] },
      ],
      temperature: 0.25,
      maxOutputTokens: 64,
      topP: 0.5,
      stopSequences: ['END'],
      seed: 42,
      maxRetries: 0,
    });
    expect(await result.text).toBe('ok');
    expect(await result.warnings).toEqual([]);
    expect(alpha.calls[0]!.request).toMatchObject({
      model: 'shared-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'first' },
        { role: 'user', content: 'two parts' },
      ],
      temperature: 0.25,
      maxOutputTokens: 64,
      topP: 0.5,
      stop: ['END'],
      seed: 42,
    });
  });

  it('reports settings the provider ignores and call options no provider can carry as warnings in stream-start', async () => {
    const alpha = fake('Alpha', [text('ok'), finish()], { supportedSettings: ['temperature'] });
    const switchboard = createSwitchboard({ registry: registryOf([alpha]) });
    const result = streamText({ model: switchboard('shared'), prompt: 'hi', temperature: 0.5, seed: 1, stopSequences: ['x'], topK: 3, maxRetries: 0 });
    const parts = await collect(result.fullStream);
    const start = parts.find((value) => value.type === 'start-step');
    const warnings = await result.warnings;
    expect(warnings).toEqual([
      { type: 'unsupported', feature: 'topK' },
      { type: 'unsupported', feature: 'stopSequences', details: 'Provider Alpha does not support "stop"; it was ignored.' },
      { type: 'unsupported', feature: 'seed', details: 'Provider Alpha does not support "seed"; it was ignored.' },
    ]);
    expect(start).toMatchObject({ warnings });
  });

  it('falls back to the next provider before the first token, and says so in the provider metadata', async () => {
    const alpha = fake('Alpha', [fail(new UpstreamHttpError(503, 'busy'))], { priority: 1 });
    const beta = fake('Beta', [text('from '), text('Beta'), finish()]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha, beta]) });
    const result = streamText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0 });
    expect(await result.text).toBe('from Beta');
    expect((await result.providerMetadata)?.switchboard).toMatchObject({
      provider: 'Beta',
      attempts: 2,
      fallbacks: [{ from: 'Alpha', to: 'Beta', code: 'UPSTREAM_HTTP' }],
    });
    expect(alpha.calls).toHaveLength(1);
  });

  it('keeps the partial text and reports an APICallError carrying it when the answer fails after text', async () => {
    const truncated = new StreamTruncatedError('connection closed');
    const alpha = fake('Alpha', [text('Hel'), text('lo'), fail(truncated)]);
    const beta = fake('Beta', [text('unused'), finish()]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha, beta]) });
    const errors: unknown[] = [];
    const result = streamText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0, onError: ({ error }) => void errors.push(error) });
    const parts = await collect(result.fullStream);
    expect(await result.text).toBe('Hello');
    expect(await result.finishReason).toBe('error');
    expect(parts.map((value) => value.type)).toContain('error');
    expect(errors).toHaveLength(1);
    const [error] = errors as APICallError[];
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error!.cause).toBe(truncated);
    expect(error!.data).toMatchObject({ code: 'STREAM_TRUNCATED', provider: 'Alpha', partialText: 'Hello' });
    expect(error!.isRetryable).toBe(true);
    expect(beta.calls).toHaveLength(0);
  });

  it('fails with a non-retryable APICallError when every provider failed, so the AI SDK does not retry on top', async () => {
    const alpha = fake('Alpha', [fail(new UpstreamHttpError(503, 'busy', { retryAfterMs: 1000 }))]);
    const retry = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 1 };
    const switchboard = createSwitchboard({ registry: registryOf([alpha], { retry }) });
    const errors: unknown[] = [];
    const streamed = streamText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 2, onError: ({ error }) => void errors.push(error) });
    expect(NoOutputGeneratedError.isInstance(await Promise.resolve(streamed.text).catch((caught: unknown) => caught))).toBe(true);
    const generated = await generateText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 2 }).catch((caught: unknown) => caught);
    for (const error of [errors[0], generated] as APICallError[]) {
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: 503, isRetryable: false, responseBody: 'busy', responseHeaders: { 'retry-after-ms': '1000' } });
      expect(error.data).toMatchObject({ code: 'ALL_PROVIDERS_FAILED', failures: [{ provider: 'Alpha', code: 'UPSTREAM_HTTP' }] });
    }
    expect(alpha.calls).toHaveLength(4);
  });

  it('passes queue status on as raw chunks when asked, and as pings otherwise', async () => {
    const script = [queued({ position: 2, queueSize: 5, etaSeconds: 9 }), started(), text('done'), finish()];
    const switchboard = createSwitchboard({ registry: registryOf([fake('Alpha', script)]) });
    const withRaw = await collect(streamText({ model: switchboard('shared'), prompt: 'hi', includeRawChunks: true, maxRetries: 0 }).fullStream);
    expect(withRaw.filter((value) => value.type === 'raw').map((value) => value.rawValue)).toEqual([
      { type: 'switchboard-status', stage: 'queued', position: 2, queueSize: 5, etaSeconds: 9, provider: 'Alpha' },
      { type: 'switchboard-status', stage: 'started', provider: 'Alpha' },
    ]);
    const plain = await collect(streamText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0 }).fullStream);
    expect(plain.filter((value) => value.type === 'raw')).toEqual([]);
    expect(plain.filter((value) => (value.type as string) === 'ping')).toHaveLength(2);
  });

  it('rejects prompt content other than text, naming it, before anything is sent', async () => {
    const alpha = fake('Alpha', [text('unused'), finish()]);
    const model = createSwitchboard({ registry: registryOf([alpha]) })('shared');
    const image = generateText({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', image: new Uint8Array([1, 2, 3]), mediaType: 'image/png' }] }],
      maxRetries: 0,
    });
    const error = await image.catch((caught: unknown) => caught);
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFunctionalityError).functionality).toBe('file parts (images, documents)');
    expect((error as Error).message).toContain('image/png');
    const reasoning = generateText({
      model,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'reasoning', text: 'thinking' }, { type: 'text', text: 'hello' }] },
        { role: 'user', content: 'again' },
      ],
      maxRetries: 0,
    });
    expect(await reasoning.catch((caught: UnsupportedFunctionalityError) => caught.functionality)).toBe('reasoning parts');
    expect(alpha.calls).toHaveLength(0);
  });

  it('throws NoSuchModelError for a name no provider serves, listing the served names', () => {
    const switchboard = createSwitchboard({ registry: registryOf([fake('Alpha', [finish()])]) });
    expect(() => switchboard('gpt-9')).toThrow(NoSuchModelError);
    expect(() => switchboard.languageModel('gpt-9')).toThrow(/Served names: shared, shared-model/);
    expect(() => switchboard.embeddingModel('shared')).toThrow(NoSuchModelError);
    expect(switchboard.languageModel('shared')).toMatchObject({ specificationVersion: 'v4', provider: 'switchboard', modelId: 'shared', supportedUrls: {} });
  });
});

describe('generateText over a registry', () => {
  it('returns the final text, finish reason, usage, warnings and response metadata', async () => {
    const alpha = fake('Alpha', [text('Bon'), text('jour'), part({ type: 'finish', reason: 'length', usage: { outputTokens: 2, source: 'estimated' } })]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha]), generateId: () => 'generated-1' });
    const result = await generateText({ model: switchboard('shared'), prompt: 'Say hello in French', temperature: 1, maxRetries: 0 });
    expect(result.text).toBe('Bonjour');
    expect(result.finishReason).toBe('length');
    expect(result.usage).toMatchObject({ inputTokens: undefined, outputTokens: 2 });
    expect(result.warnings).toEqual([{ type: 'unsupported', feature: 'temperature', details: 'Provider Alpha does not support "temperature"; it was ignored.' }]);
    expect(result.response).toMatchObject({ id: 'generated-1', modelId: 'shared-model' });
    expect(result.providerMetadata?.switchboard).toMatchObject({ provider: 'Alpha', usageSource: 'estimated' });
  });

  it('rejects with the partial text in the error when the answer fails after text', async () => {
    const alpha = fake('Alpha', [text('Half an '), fail(new StreamTruncatedError('reset'))]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha]) });
    const error = await generateText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).data).toMatchObject({ code: 'STREAM_TRUNCATED', partialText: 'Half an ' });
    expect(StreamTruncatedError.isInstance((error as APICallError).cause)).toBe(true);
  });
});
