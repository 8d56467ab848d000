import { describe, expect, it } from 'vitest';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import { ProviderRegistrationError } from '../errors/provider-registration-error.js';
import { getLastUserMessage } from '../messages/get-last-user-message.js';
import { defineProviderMetadata } from '../metadata/provider-metadata-store.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { StreamPart } from '../spec/stream-part.js';
import { BaseProvider } from './base-provider.js';
import { resolveModel, servedNames } from './resolve-model.js';
import { withModelResolution } from './with-model-resolution.js';

const metadata: ProviderMetadata = {
  name: 'Example',
  label: 'Example provider',
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: true,
  supportsMessageHistory: false,
  defaultModel: 'example-large',
  models: ['example-large', 'example-small'],
  modelAliases: { large: 'example-large', small: 'example-small' },
};

describe('resolveModel', () => {
  it('maps empty to the default, aliases to canonical ids and keeps canonical ids', () => {
    expect(resolveModel(metadata)).toBe('example-large');
    expect(resolveModel(metadata, '')).toBe('example-large');
    expect(resolveModel(metadata, 'small')).toBe('example-small');
    expect(resolveModel(metadata, 'example-small')).toBe('example-small');
  });

  it('rejects an unknown name with the valid names listed', () => {
    const attempt = () => resolveModel(metadata, 'gpt-4');
    expect(attempt).toThrow(ModelNotSupportedError);
    expect(attempt).toThrow('Valid names: example-large, example-small, large, small.');
    try {
      attempt();
    } catch (error) {
      expect((error as ModelNotSupportedError).provider).toBe('Example');
      expect((error as ModelNotSupportedError).validModels).toEqual(servedNames(metadata));
    }
  });
});

describe('withModelResolution and BaseProvider', () => {
  class Echo extends BaseProvider {
    async *createAsyncGenerator(request: ChatRequest): AsyncGenerator<StreamPart> {
      yield { type: 'text-delta', text: `${this.getModel(request.model)}:` };
      yield { type: 'text-revision', text: 'revised ' };
      yield { type: 'text-delta', text: getLastUserMessage(request.messages) ?? '' };
      yield { type: 'finish', reason: 'stop' };
    }
  }
  defineProviderMetadata(Echo, metadata);

  it('gives a provider getModel from its class metadata, and complete() the collected text', async () => {
    const provider = new Echo();
    expect(provider.metadata.name).toBe('Example');
    expect(provider.getModel('large')).toBe('example-large');
    expect(() => provider.getModel('nope')).toThrow(ModelNotSupportedError);
    expect(await provider.complete({ model: 'small', messages: [{ role: 'user', content: 'hi' }] })).toBe('revised hi');
  });

  it('works as a mixin on any class', () => {
    class Plain {
      constructor(readonly greeting: string) {}
    }
    class Mixed extends withModelResolution(Plain) {}
    defineProviderMetadata(Mixed, metadata);
    const instance = new Mixed('hello');
    expect(instance.greeting).toBe('hello');
    expect(instance.getModel()).toBe('example-large');
  });

  it('explains a missing registration', () => {
    class Unregistered extends withModelResolution(class {}) {}
    expect(() => new Unregistered().getModel()).toThrow(ProviderRegistrationError);
    expect(() => new Unregistered().metadata).toThrow('@RegisterProvider');
  });
});
