import { InvalidRequestError, ProviderNotFoundError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { fake, finish, registryOf } from '../../test/fakes.js';
import { parseChatCompletionBody } from './parse-chat-completion-body.js';
import { splitModelName } from './split-model-name.js';
import { toChatRequest } from './to-chat-request.js';

const registry = registryOf([fake('Alpha', [finish()]), fake('Beta', [finish()])]);
const translate = (body: object) => toChatRequest(parseChatCompletionBody(body), registry);
const messages = [{ role: 'user', content: 'Hi' }];

describe('splitModelName', () => {
  const isProvider = (name: string) => name === 'Alpha';
  it('splits on the first slash only when the prefix is a provider', () => {
    expect(splitModelName('Alpha/org/model', isProvider)).toEqual({ provider: 'Alpha', model: 'org/model' });
    expect(splitModelName('meta-llama/Llama-3', isProvider)).toEqual({ model: 'meta-llama/Llama-3' });
    expect(splitModelName('plain', isProvider)).toEqual({ model: 'plain' });
    expect(splitModelName('/leading', isProvider)).toEqual({ model: '/leading' });
  });
});

describe('toChatRequest', () => {
  it('maps settings and remembers which OpenAI parameter each came from', () => {
    const call = translate({ model: 'shared', messages, temperature: 0, top_p: 0.5, max_tokens: 9, stop: ['a', 'b'], seed: 3 });
    expect(call.request).toEqual({ model: 'shared', messages, temperature: 0, topP: 0.5, maxOutputTokens: 9, stop: ['a', 'b'], seed: 3 });
    expect(call.settingParams).toEqual({ temperature: 'temperature', topP: 'top_p', maxOutputTokens: 'max_tokens', stop: 'stop', seed: 'seed' });
    expect(translate({ model: 'shared', messages, max_completion_tokens: 5, max_tokens: 9 })).toMatchObject({
      request: { maxOutputTokens: 5 },
      settingParams: { maxOutputTokens: 'max_completion_tokens' },
    });
  });

  it('pins a provider from the body or from a provider/model name', () => {
    expect(translate({ model: 'Beta/shared', messages }).request).toMatchObject({ provider: 'Beta', model: 'shared' });
    expect(translate({ model: 'shared', provider: 'Alpha', messages }).request).toMatchObject({ provider: 'Alpha', model: 'shared' });
    expect(() => translate({ model: 'Beta/shared', provider: 'Alpha', messages })).toThrow(InvalidRequestError);
    expect(() => translate({ model: 'shared', provider: 'Gamma', messages })).toThrow(ProviderNotFoundError);
  });

  it('leaves the model out when it is empty, for the registry default', () => {
    expect(translate({ model: '', messages }).request.model).toBeUndefined();
  });

  it('reports penalties and logit bias as ignored, but not neutral values', () => {
    expect(translate({ model: 'shared', messages, presence_penalty: 0.5, logit_bias: { 12: 1 } }).ignoredParams).toEqual([
      'presence_penalty',
      'logit_bias',
    ]);
    expect(translate({ model: 'shared', messages, frequency_penalty: 0, logit_bias: {} }).ignoredParams).toEqual([]);
  });

  it('accepts neutral values of unsupported features', () => {
    const call = translate({ model: 'shared', messages, n: 1, tools: [], tool_choice: 'none', response_format: { type: 'text' }, logprobs: false });
    expect(call.request.messages).toHaveLength(1);
  });

  it('keeps stream_options.include_usage only for streams', () => {
    expect(translate({ model: 'shared', messages, stream: true, stream_options: { include_usage: true } }).includeUsage).toBe(true);
    expect(translate({ model: 'shared', messages, stream_options: { include_usage: true } }).includeUsage).toBe(false);
  });
});
