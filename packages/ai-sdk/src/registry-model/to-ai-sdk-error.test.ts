import { APICallError, InvalidArgumentError, InvalidPromptError, NoSuchModelError } from '@ai-sdk/provider';
import {
  AbortError,
  AllProvidersFailedError,
  ConnectionError,
  InvalidRequestError,
  NoProviderForModelError,
  QueueFullError,
  TimeoutError,
} from '@switchboard/core';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { fake, finish, registryOf, text } from '../../test/fake-registry.js';
import { createSwitchboard } from './create-switchboard.js';
import { toAISDKError } from './to-ai-sdk-error.js';

const request = { model: 'shared', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('toAISDKError', () => {
  it('keeps an abort as the Switchboard AbortError, which the AI SDK recognises by its name', () => {
    const abort = new AbortError('stop');
    expect(toAISDKError(abort, request)).toBe(abort);
    expect(abort.name).toBe('AbortError');
  });

  it('maps request problems to InvalidPromptError, InvalidArgumentError and NoSuchModelError, keeping the cause', () => {
    const messages = new InvalidRequestError('bad role', { param: 'messages[0].role' });
    const prompt = toAISDKError(messages, request) as InvalidPromptError;
    expect(InvalidPromptError.isInstance(prompt)).toBe(true);
    expect(prompt.cause).toBe(messages);
    const setting = toAISDKError(new InvalidRequestError('"topP" must be…', { param: 'topP' }), request) as InvalidArgumentError;
    expect(setting).toMatchObject({ argument: 'topP' });
    const unknown = new NoProviderForModelError('shared', ['other']);
    const noModel = toAISDKError(unknown, request) as NoSuchModelError;
    expect(NoSuchModelError.isInstance(noModel)).toBe(true);
    expect(noModel).toMatchObject({ modelId: 'shared', modelType: 'languageModel', message: unknown.message });
    expect(noModel.cause).toBe(unknown);
  });

  it('maps upstream failures to APICallError: no status without HTTP, retryable as Switchboard says, never after routing', () => {
    const connection = toAISDKError(new ConnectionError('reset', { provider: 'Alpha', url: 'http://127.0.0.1:1/x' }), request) as APICallError;
    expect(connection).toMatchObject({ statusCode: undefined, isRetryable: true, url: 'http://127.0.0.1:1/x', data: { code: 'CONNECTION', provider: 'Alpha' } });
    const total = toAISDKError(new TimeoutError('total', 100), request) as APICallError;
    expect(total).toMatchObject({ isRetryable: false, url: 'switchboard://registry', data: { code: 'TIMEOUT' } });
    const routed = new AllProvidersFailedError('shared', [{ provider: 'Alpha', error: new QueueFullError({ provider: 'Alpha' }) }]);
    const failed = toAISDKError(routed, request) as APICallError;
    expect(failed).toMatchObject({ isRetryable: false, statusCode: undefined, requestBodyValues: request });
    expect(failed.data).toEqual({ code: 'ALL_PROVIDERS_FAILED', provider: 'Alpha', model: 'shared', failures: [{ provider: 'Alpha', code: 'QUEUE_FULL', message: routed.failures[0]!.error.message }] });
  });
});

describe('request problems through the AI SDK', () => {
  it('rejects a setting out of range with InvalidArgumentError naming it, before any provider is called', async () => {
    const alpha = fake('Alpha', [text('unused'), finish()]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha]) });
    const error = await generateText({ model: switchboard('shared'), prompt: 'hi', topP: 3, maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('topP');
    expect(alpha.calls).toHaveLength(0);
  });

  it('pins a provider through providerOptions.switchboard, and rejects an unknown one', async () => {
    const alpha = fake('Alpha', [text('from Alpha'), finish()], { priority: 1 });
    const beta = fake('Beta', [text('from Beta'), finish()]);
    const switchboard = createSwitchboard({ registry: registryOf([alpha, beta]) });
    const pinned = await generateText({ model: switchboard('shared'), prompt: 'hi', providerOptions: { switchboard: { provider: 'Beta' } }, maxRetries: 0 });
    expect(pinned.text).toBe('from Beta');
    const unknown = await generateText({ model: switchboard('shared'), prompt: 'hi', providerOptions: { switchboard: { provider: 'Gamma' } }, maxRetries: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(unknown).toMatchObject({ argument: 'providerOptions.switchboard.provider' });
    expect((unknown as Error).message).toContain('Registered providers: Alpha, Beta');
    expect(alpha.calls).toHaveLength(0);
  });
});
