import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import { NoProviderForModelError } from '../errors/no-provider-for-model-error.js';
import { ProviderNotFoundError } from '../errors/provider-not-found-error.js';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import { messageText } from '../messages/message-text.js';
import type { ChatProvider } from '../spec/chat-provider.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { StreamPart } from '../spec/stream-part.js';
import { createRegistry } from './global-registry.js';
import { inject } from './injection.js';
import { providerSettingsToken } from './provider-settings-token.js';

function metadataFor(name: string, overrides: Partial<ProviderMetadata> = {}): ProviderMetadata {
  return {
    name,
    label: name,
    url: 'https://example.invalid',
    working: true,
    needsAuth: false,
    supportsStream: true,
    supportsSystemMessage: true,
    supportsMessageHistory: true,
    defaultModel: `${name.toLowerCase()}-model`,
    models: [`${name.toLowerCase()}-model`, 'shared-model'],
    modelAliases: { shared: 'shared-model' },
    ...overrides,
  };
}

/** A provider class that records each request and answers "<name>:<model>:<last message>". */
function recordingProvider(name: string, seen: ChatRequest[], script?: (call: number) => StreamPart[] | Error) {
  return class Recording implements ChatProvider {
    async *createAsyncGenerator(request: ChatRequest): AsyncGenerator<StreamPart> {
      seen.push(request);
      const planned = script?.(seen.length - 1);
      if (planned instanceof Error) throw planned;
      yield* planned ?? [
        { type: 'text-delta', text: `${name}:${request.model}:${messageText(request.messages.at(-1)!)}` },
        { type: 'finish', reason: 'stop' },
      ];
    }
  };
}

async function read(stream: AsyncIterable<StreamPart>): Promise<{ parts: StreamPart[]; error?: unknown }> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}

const hello = [{ role: 'user' as const, content: 'hello' }];

describe('default model', () => {
  it('routes a request without a model to the registry default', async () => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry({ defaultModel: 'shared' });
    registry.register(recordingProvider('A', seen), metadataFor('A'));
    expect(await registry.complete({ messages: hello })).toBe('A:shared-model:hello');
    registry.configure({ defaultModel: 'a-model' });
    expect(await registry.complete({ model: '', messages: hello })).toBe('A:a-model:hello');
    expect(registry.defaultModel).toBe('a-model');
  });

  it('explains how to set one when there is none, before calling any provider', async () => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry();
    registry.register(recordingProvider('A', seen), metadataFor('A'));
    const { error } = await read(registry.stream({ messages: hello }));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).code).toBe('INVALID_REQUEST');
    expect((error as InvalidRequestError).param).toBe('model');
    expect((error as Error).message).toContain('createRegistry({ defaultModel })');
    expect((error as Error).message).toContain('a-model');
    expect(seen).toEqual([]);
  });
});

describe('request validation', () => {
  const cases: Array<[string, ChatRequest, string]> = [
    ['no messages', { model: 'shared', messages: [] }, 'messages'],
    ['no user turn', { model: 'shared', messages: [{ role: 'system', content: 'Be brief.' }] }, 'messages'],
    ['an unknown role', { model: 'shared', messages: [{ role: 'tool' as never, content: 'x' }, ...hello] }, 'messages[0].role'],
    [
      'an image part',
      { model: 'shared', messages: [{ role: 'user', content: [{ type: 'image', url: 'x' } as never] }] },
      'messages[0].content[0]',
    ],
    ['a negative temperature', { model: 'shared', messages: hello, temperature: -1 }, 'temperature'],
    ['a fractional token limit', { model: 'shared', messages: hello, maxOutputTokens: 2.5 }, 'maxOutputTokens'],
    ['topP above one', { model: 'shared', messages: hello, topP: 1.5 }, 'topP'],
    ['a stop that is not a list', { model: 'shared', messages: hello, stop: 'END' as never }, 'stop'],
    ['a fractional seed', { model: 'shared', messages: hello, seed: 0.5 }, 'seed'],
  ];

  it.each(cases)('refuses %s with INVALID_REQUEST naming the field, sending nothing', async (_name, request, param) => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry();
    registry.register(recordingProvider('A', seen), metadataFor('A'));
    const { parts, error } = await read(registry.stream(request));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).param).toBe(param);
    expect(parts).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('gives providers text parts joined into plain strings', async () => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry();
    registry.register(recordingProvider('A', seen), metadataFor('A'));
    const content = [{ type: 'text' as const, text: 'hel' }, { type: 'text' as const, text: 'lo' }];
    expect(await registry.complete({ model: 'shared', messages: [{ role: 'user', content }] })).toBe('A:shared-model:hello');
    expect(seen[0]!.messages).toEqual([{ role: 'user', content: 'hello' }]);
  });
});

describe('generation settings', () => {
  const settings = { temperature: 0.2, maxOutputTokens: 64, topP: 0.9, stop: ['END'], seed: 7 };

  it('reach a provider that declares them, with no warning', async () => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry();
    const supportedSettings = ['temperature', 'maxOutputTokens', 'topP', 'stop', 'seed'] as const;
    registry.register(recordingProvider('A', seen), metadataFor('A', { supportedSettings }));
    const { parts } = await read(registry.stream({ model: 'shared', messages: hello, ...settings }));
    expect(parts.filter((part) => part.type === 'warning')).toEqual([]);
    expect(seen[0]).toMatchObject(settings);
  });

  it('are reported once per provider, before its first part, when ignored', async () => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry({ retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    const flaky = (call: number) =>
      call === 0 ? new UpstreamHttpError(503, 'busy', { retryable: true }) : undefined!;
    registry.register(recordingProvider('A', seen, flaky), metadataFor('A', { supportedSettings: ['temperature'] }));
    const { parts, error } = await read(registry.stream({ model: 'shared', messages: hello, temperature: 1, seed: 3, stop: ['x'] }));
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(2);
    expect(parts.map((part) => part.type)).toEqual(['warning', 'warning', 'text-delta', 'finish']);
    expect(parts.slice(0, 2)).toEqual([
      { type: 'warning', code: 'unsupported-setting', provider: 'A', setting: 'stop', message: expect.stringContaining('"stop"') },
      { type: 'warning', code: 'unsupported-setting', provider: 'A', setting: 'seed', message: expect.stringContaining('"seed"') },
    ]);
  });
});

describe('pinning a provider', () => {
  it('restricts routing to the named provider', async () => {
    const seen: ChatRequest[] = [];
    const registry = createRegistry();
    registry.register(recordingProvider('A', seen), metadataFor('A', { priority: 1 }));
    registry.register(recordingProvider('B', seen), metadataFor('B'));
    expect(await registry.complete({ model: 'shared', messages: hello })).toBe('A:shared-model:hello');
    expect(await registry.complete({ model: 'shared', provider: 'B', messages: hello })).toBe('B:shared-model:hello');
    expect(await registry.complete({ provider: 'B', messages: hello })).toBe('B:b-model:hello');
  });

  it('fails with the usual errors for an unknown provider or a model it does not serve', async () => {
    const registry = createRegistry();
    registry.register(recordingProvider('A', []), metadataFor('A'));
    registry.register(recordingProvider('B', []), metadataFor('B'));
    const unknown = await read(registry.stream({ model: 'shared', provider: 'C', messages: hello }));
    expect(ProviderNotFoundError.isInstance(unknown.error)).toBe(true);
    const notServed = await read(registry.stream({ model: 'a-model', provider: 'B', messages: hello }));
    expect(ModelNotSupportedError.isInstance(notServed.error)).toBe(true);
    expect((notServed.error as ModelNotSupportedError).provider).toBe('B');
    const missingCapability = await read(
      registry.stream({ model: 'shared', provider: 'B', messages: hello }, { requires: ['systemMessage'] }),
    );
    expect(missingCapability.error).toBeUndefined();
    const noCapability = createRegistry();
    noCapability.register(recordingProvider('C', []), metadataFor('C', { supportsSystemMessage: false }));
    const refused = await read(noCapability.stream({ provider: 'C', messages: hello }, { requires: ['systemMessage'] }));
    expect(NoProviderForModelError.isInstance(refused.error)).toBe(true);
  });
});

describe('provider settings without the container', () => {
  interface GreeterSettings {
    greeting?: string;
  }
  const seenSettings: GreeterSettings[] = [];
  class Greeter implements ChatProvider {
    readonly greeting: string;
    constructor(@inject(providerSettingsToken) settings: GreeterSettings = {}) {
      seenSettings.push(settings);
      this.greeting = settings.greeting ?? 'Hello';
    }
    async *createAsyncGenerator(): AsyncGenerator<StreamPart> {
      yield { type: 'text-delta', text: this.greeting };
      yield { type: 'finish', reason: 'stop' };
    }
  }
  const greeterMetadata = metadataFor('Greeter');

  it('injects {} by default, settings given at registration, and settings given later', async () => {
    const plain = createRegistry();
    plain.register(Greeter, greeterMetadata);
    expect(await plain.complete({ provider: 'Greeter', messages: hello })).toBe('Hello');
    expect(seenSettings.at(-1)).toEqual({});

    const registered = createRegistry();
    registered.register(Greeter, greeterMetadata, { settings: { greeting: 'Hi' } });
    expect(await registered.complete({ provider: 'Greeter', messages: hello })).toBe('Hi');

    registered.configureProvider(Greeter, { greeting: 'Bonjour' });
    expect(await registered.complete({ provider: 'Greeter', messages: hello })).toBe('Bonjour');
    registered.configureProvider('Greeter', { greeting: 'Hallo' });
    expect(await registered.complete({ provider: 'Greeter', messages: hello })).toBe('Hallo');
    expect(await plain.complete({ provider: 'Greeter', messages: hello })).toBe('Hello');
  });

  it('keeps the settings of each registration apart, for one class under two names and for subclasses', async () => {
    const registry = createRegistry();
    registry.register(Greeter, metadataFor('English', { models: ['greeter-model'], defaultModel: 'greeter-model', modelAliases: {} }), {
      settings: { greeting: 'Hello' },
    });
    registry.register(Greeter, metadataFor('French', { models: ['greeter-model'], defaultModel: 'greeter-model', modelAliases: {} }), {
      settings: { greeting: 'Bonjour' },
    });
    class LoudGreeter extends Greeter {}
    registry.register(LoudGreeter, metadataFor('Loud'), { settings: { greeting: 'HEY' } });
    expect(await registry.complete({ provider: 'English', messages: hello })).toBe('Hello');
    expect(await registry.complete({ provider: 'French', messages: hello })).toBe('Bonjour');
    expect(await registry.complete({ provider: 'Loud', messages: hello })).toBe('HEY');
    registry.configureProvider('French', { greeting: 'Salut' });
    expect(await registry.complete({ provider: 'French', messages: hello })).toBe('Salut');
    expect(await registry.complete({ provider: 'English', messages: hello })).toBe('Hello');
  });

  it('refuses settings for a provider that is not registered', () => {
    const registry = createRegistry();
    expect(() => registry.configureProvider('Greeter', {})).toThrow(ProviderNotFoundError);
    expect(() => registry.configureProvider(Greeter, {})).toThrow('No provider named "Greeter"');
  });
});
