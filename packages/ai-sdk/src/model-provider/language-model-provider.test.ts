import { APICallError } from '@ai-sdk/provider';
import {
  AbortError,
  ProtocolError,
  ProviderRegistrationError,
  QueueFullError,
  StreamTruncatedError,
  UpstreamHttpError,
  createRegistry,
  type StreamPart,
} from '@switchboard/core';
import { readStream } from '@switchboard/core/testing';
import { MockLanguageModelV3, MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { fail, fake } from '../../test/fake-registry.js';
import { answerParts, stallingModel, streamingModel, usageOf } from '../../test/mock-models.js';
import { languageModelProvider } from './language-model-provider.js';

const quickRouting = { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 1 } };

/** A registry serving `model` as the alias `smart` under the provider name `Mock`. */
function registryServing(model: MockLanguageModelV4 | MockLanguageModelV3, extra: { priority?: number } = {}) {
  const registry = createRegistry(quickRouting);
  const { providerClass, metadata } = languageModelProvider(model, { name: 'Mock', modelAliases: { smart: model.modelId }, ...extra });
  registry.register(providerClass, metadata);
  return registry;
}

const ask = (content = 'hi', extra = {}) => ({ model: 'smart', messages: [{ role: 'user' as const, content }], ...extra });
const failingModel = (error: unknown) => new MockLanguageModelV4({ doStream: async () => Promise.reject(error) });

describe('languageModelProvider: an AI SDK model served by a registry', () => {
  it('streams the model text as deltas and its usage as upstream counts', async () => {
    const model = streamingModel(answerParts(['Hello', ', ', 'world'], usageOf(12, 3)));
    const { parts, error } = await readStream(registryServing(model).stream(ask()));
    expect(error).toBeUndefined();
    expect(parts).toEqual([
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-delta', text: ', ' },
      { type: 'text-delta', text: 'world' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 12, outputTokens: 3, source: 'upstream' } },
    ]);
  });

  it('sends the conversation as the prompt, the generation settings as call options, and a signal', async () => {
    const model = streamingModel(answerParts(['ok']));
    await registryServing(model).complete({
      model: 'smart',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'one' }, { type: 'text', text: ' two' }] },
        { role: 'assistant', content: 'first' },
        { role: 'user', content: 'three' },
      ],
      temperature: 0.25,
      maxOutputTokens: 32,
      topP: 0.5,
      stop: ['END'],
      seed: 7,
    });
    const [call] = model.doStreamCalls;
    expect(call!.prompt).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'one two' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'first' }] },
      { role: 'user', content: [{ type: 'text', text: 'three' }] },
    ]);
    expect(call).toMatchObject({ temperature: 0.25, maxOutputTokens: 32, topP: 0.5, stopSequences: ['END'], seed: 7 });
    expect(call!.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('reports the settings the model says it ignored as warning parts, and leaves reasoning out', async () => {
    const model = streamingModel([
      { type: 'stream-start', warnings: [{ type: 'unsupported', feature: 'seed' }, { type: 'unsupported', feature: 'topK' }] },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'thinking…' },
      { type: 'reasoning-end', id: 'r' },
      ...answerParts(['answer']).slice(1),
    ]);
    const { parts } = await readStream(registryServing(model).stream(ask('hi', { seed: 3 })));
    expect(parts.filter((part) => part.type === 'warning')).toEqual([
      { type: 'warning', code: 'unsupported-setting', provider: 'Mock', setting: 'seed', message: 'Provider Mock does not support "seed"; the model ignored it.' },
    ]);
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'answer' }]);
  });

  it('maps AI SDK errors to typed Switchboard errors, retrying only what the AI SDK calls retryable', async () => {
    const unavailable = new APICallError({ message: 'overloaded', url: 'http://upstream/v1', requestBodyValues: {}, statusCode: 503, isRetryable: true });
    const overloaded = failingModel(unavailable);
    const { error } = await readStream(registryServing(overloaded).stream(ask()));
    const cause = (error as { failures: Array<{ error: UpstreamHttpError }> }).failures[0]!.error;
    expect(UpstreamHttpError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ status: 503, retryable: true, provider: 'Mock', model: 'mock-model-id', url: 'http://upstream/v1', cause: unavailable });
    expect(overloaded.doStreamCalls).toHaveLength(2);

    const refused = failingModel(new APICallError({ message: 'bad model', url: 'u', requestBodyValues: {}, statusCode: 400, isRetryable: false }));
    await readStream(registryServing(refused).stream(ask()));
    expect(refused.doStreamCalls).toHaveLength(1);

    const limited = new APICallError({ message: 'slow down', url: 'u', requestBodyValues: {}, statusCode: 429, responseHeaders: { 'retry-after': '2' }, isRetryable: true });
    const direct = new (languageModelProvider(failingModel(limited)).providerClass)();
    const { error: queueFull } = await readStream(direct.createAsyncGenerator(ask('hi', { model: '' })));
    expect(QueueFullError.isInstance(queueFull)).toBe(true);
    expect(queueFull).toMatchObject({ retryAfterMs: 2000, retryable: true });
  });

  it('fails with the partial text when the model reports an error or an interrupted finish mid-stream', async () => {
    const erroring = streamingModel([...answerParts(['Hel', 'lo']).slice(0, 5), { type: 'error', error: { message: 'upstream overloaded' } }]);
    const { parts, error } = await readStream(registryServing(erroring).stream(ask()));
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ partialText: 'Hello', provider: 'Mock' });
    expect((error as Error).message).toContain('upstream overloaded');
    expect(parts.some((part) => part.type === 'finish')).toBe(false);

    const interrupted = streamingModel([...answerParts(['Hel']).slice(0, 4), { type: 'finish', finishReason: { unified: 'interrupted', raw: undefined }, usage: usageOf(1, 1) }]);
    const { error: cut } = await readStream(registryServing(interrupted).stream(ask()));
    expect(cut).toMatchObject({ code: 'STREAM_TRUNCATED', partialText: 'Hel' });
  });

  it('refuses a tool call, which no Switchboard request asks for', async () => {
    const model = streamingModel([{ type: 'stream-start', warnings: [] }, { type: 'tool-call', toolCallId: 'c1', toolName: 'search', input: '{}' }]);
    const { error } = await readStream(new (languageModelProvider(model).providerClass)().createAsyncGenerator(ask('hi', { model: '' })));
    expect(ProtocolError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"search"');
  });

  it('passes an abort through to the model, which closes its stream', async () => {
    const { model, aborted } = stallingModel(['partial']);
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    const reading = (async () => {
      for await (const part of registryServing(model).stream(ask(), { signal: controller.signal })) {
        parts.push(part);
        if (part.type === 'text-delta') controller.abort();
      }
    })();
    const error = await reading.catch((caught: unknown) => caught);
    await aborted;
    expect(AbortError.isInstance(error)).toBe(true);
    expect(parts).toEqual([{ type: 'text-delta', text: 'partial' }]);
    expect(model.doStreamCalls[0]!.abortSignal?.aborted).toBe(true);
  });

  it('is a fallback target for a failing provider', async () => {
    const registry = createRegistry({ retry: { maxAttempts: 1 } });
    const broken = fake('Broken', [fail(new UpstreamHttpError(502, 'bad gateway'))], { priority: 5, modelAliases: { smart: 'shared-model' } });
    registry.register(broken.providerClass, broken.metadata);
    const model = streamingModel(answerParts(['rescued']));
    const { providerClass, metadata } = languageModelProvider(model, { name: 'Rescue', modelAliases: { smart: model.modelId } });
    registry.register(providerClass, metadata);
    const events: string[] = [];
    expect(await registry.complete(ask(), { onEvent: (event) => void events.push(event.type === 'fallback' ? `${event.from}->${event.to}` : event.type) })).toBe('rescued');
    expect(events).toContain('Broken->Rescue');
    expect(broken.calls).toHaveLength(1);
  });

  it('serves a V3 model through the AI SDK adapter', async () => {
    const v3 = new MockLanguageModelV3({ modelId: 'v3-model', doStream: async () => ({ stream: convertArrayToReadableStream(answerParts(['from ', 'v3']) as never[]) }) });
    expect(await registryServing(v3).complete(ask())).toBe('from v3');
    expect(v3.doStreamCalls[0]!.prompt).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
  });

  it('refuses something that is not a language model, and metadata that does not fit', () => {
    expect(() => languageModelProvider({ specificationVersion: 'v9' } as never)).toThrow(ProviderRegistrationError);
    expect(() => languageModelProvider(streamingModel([]), { defaultModel: 'elsewhere' })).toThrow(/"defaultModel" elsewhere is not in "models"/);
  });
});
