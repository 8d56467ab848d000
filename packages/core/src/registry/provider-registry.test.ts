import { describe, expect, it } from 'vitest';
import { NoProviderForModelError } from '../errors/no-provider-for-model-error.js';
import { ProviderNotFoundError } from '../errors/provider-not-found-error.js';
import { ProviderRegistrationError } from '../errors/provider-registration-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { StreamPart } from '../spec/stream-part.js';
import { collectText } from '../stream/collect-text.js';
import { createRegistry, getRegistry } from './global-registry.js';
import { registerProvider } from './register-provider.js';
import { echoProviderClass } from '../../test/echo-provider.js';
import { testMetadata } from '../testing/index.js';

const ask = (model: string, content = 'hi'): ChatRequest => ({ model, messages: [{ role: 'user', content }] });

describe('ProviderRegistry', () => {
  it('registers a plain class and lists its metadata', () => {
    const registry = createRegistry();
    const metadata = testMetadata({ name: 'Plain' });
    registry.register(echoProviderClass('plain'), metadata);
    expect(registry.list()).toEqual([metadata]);
    expect(registry.has('Plain')).toBe(true);
    expect(typeof registry.get('Plain').createAsyncGenerator).toBe('function');
  });

  it('rejects a second provider with the same name', () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('first'), testMetadata({ name: 'Twin' }));
    expect(() => registry.register(echoProviderClass('second'), testMetadata({ name: 'Twin' }))).toThrow(
      ProviderRegistrationError,
    );
    expect(() => registry.register(echoProviderClass('second'), testMetadata({ name: 'Twin' }))).toThrow(
      'already registered',
    );
    expect(registry.list()).toHaveLength(1);
  });

  it('rejects incomplete metadata and classes that are not providers', () => {
    const registry = createRegistry();
    const broken = { ...testMetadata({ name: 'Broken' }), defaultModel: 'missing', working: 'yes' as unknown as boolean };
    expect(() => registry.register(echoProviderClass('x'), broken)).toThrow(
      /"working" must be true or false; "defaultModel" missing is not in "models"/,
    );
    class NotAProvider {}
    expect(() => registry.register(NotAProvider as never, testMetadata({ name: 'Nope' }))).toThrow(
      'must be a class with a createAsyncGenerator',
    );
    expect(registry.list()).toEqual([]);
  });

  it('orders providers sharing an alias by priority, then registration order', () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('a'), testMetadata({ name: 'A' }));
    registry.register(echoProviderClass('b'), testMetadata({ name: 'B', priority: 5 }));
    registry.register(echoProviderClass('c'), testMetadata({ name: 'C' }));
    registry.register(echoProviderClass('d'), testMetadata({ name: 'D', priority: -1 }));
    expect(registry.candidates('shared').map((candidate) => candidate.metadata.name)).toEqual(['B', 'A', 'C', 'D']);
    expect(registry.candidates('shared').every((candidate) => candidate.model === 'shared-model')).toBe(true);
    expect(registry.candidates('unknown')).toEqual([]);
  });

  it('filters candidates by required capabilities', () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('a'), testMetadata({ name: 'NoSystem' }));
    registry.register(echoProviderClass('b'), testMetadata({ name: 'System', supportsSystemMessage: true }));
    registry.register(
      echoProviderClass('c'),
      testMetadata({ name: 'Both', supportsSystemMessage: true, supportsMessageHistory: true }),
    );
    const names = (requires: Array<'stream' | 'systemMessage' | 'messageHistory'>) =>
      registry.candidates('shared-model', { requires }).map((candidate) => candidate.metadata.name);
    expect(names([])).toEqual(['NoSystem', 'System', 'Both']);
    expect(names(['systemMessage'])).toEqual(['System', 'Both']);
    expect(names(['systemMessage', 'messageHistory'])).toEqual(['Both']);
    expect(names(['stream', 'messageHistory'])).toEqual(['Both']);
  });

  it('lists every model id and alias with the providers serving it', () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('a'), testMetadata({ name: 'A' }));
    registry.register(
      echoProviderClass('b'),
      testMetadata({ name: 'B', priority: 1, models: ['shared-model', 'b-only'], modelAliases: { shared: 'shared-model', bee: 'b-only' } }),
    );
    expect(registry.models()).toEqual([
      { name: 'b-only', providers: [{ provider: 'B', model: 'b-only' }] },
      { name: 'bee', providers: [{ provider: 'B', model: 'b-only' }] },
      { name: 'shared', providers: [{ provider: 'B', model: 'shared-model' }, { provider: 'A', model: 'shared-model' }] },
      { name: 'shared-model', providers: [{ provider: 'B', model: 'shared-model' }, { provider: 'A', model: 'shared-model' }] },
    ]);
  });

  it('keeps registries isolated from each other and from the global one', () => {
    const first = createRegistry();
    const second = createRegistry();
    first.register(echoProviderClass('a'), testMetadata({ name: 'OnlyInFirst' }));
    expect(second.list()).toEqual([]);
    expect(getRegistry().has('OnlyInFirst')).toBe(false);
    expect(() => second.get('OnlyInFirst')).toThrow(ProviderNotFoundError);
    second.register(echoProviderClass('b'), testMetadata({ name: 'OnlyInFirst' }));
    expect(second.list()).toHaveLength(1);
  });

  it('gives one instance per registry', () => {
    const ProviderClass = echoProviderClass('a');
    const first = createRegistry();
    const second = createRegistry();
    first.register(ProviderClass, testMetadata({ name: 'Shared' }));
    second.register(ProviderClass, testMetadata({ name: 'Shared' }));
    expect(first.get('Shared')).toBe(first.get('Shared'));
    expect(first.get('Shared')).not.toBe(second.get('Shared'));
  });

  it('names the registered providers when one is missing', () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('a'), testMetadata({ name: 'Known' }));
    expect(() => registry.get('Unknown')).toThrow('Registered providers: Known.');
  });

  it('streams and completes through the first working candidate, with the model resolved', async () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('broken'), testMetadata({ name: 'Broken', working: false, priority: 9 }));
    registry.register(echoProviderClass('a'), testMetadata({ name: 'A' }));
    registry.register(echoProviderClass('b'), testMetadata({ name: 'B' }));
    const parts: StreamPart[] = [];
    for await (const part of registry.stream(ask('shared', 'hello'))) parts.push(part);
    expect(parts).toEqual([
      { type: 'text-delta', text: 'a[shared-model]: ' },
      { type: 'text-delta', text: 'hello' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(await registry.complete(ask('shared-model', 'again'))).toBe('a[shared-model]: again');
  });

  it('fails while iterating when nothing serves the model, naming the known models', async () => {
    const registry = createRegistry();
    registry.register(echoProviderClass('a'), testMetadata({ name: 'A' }));
    const stream = registry.stream(ask('gpt-4'));
    await expect(collectText(stream)).rejects.toThrow(NoProviderForModelError);
    await expect(registry.complete(ask('gpt-4'))).rejects.toThrow('Known models: shared, shared-model.');
    await expect(registry.complete(ask('shared'), { requires: ['messageHistory'] })).rejects.toThrow(
      'with messageHistory',
    );
  });

  it('fills provider, model and partial text into a failure', async () => {
    const registry = createRegistry();
    registry.register(
      class {
        async *createAsyncGenerator(): AsyncGenerator<StreamPart> {
          yield { type: 'text-delta', text: 'half an ans' };
          throw new StreamTruncatedError('connection closed');
        }
      },
      testMetadata({ name: 'Flaky' }),
    );
    const failure = await registry.complete(ask('shared')).catch((error: unknown) => error);
    expect(StreamTruncatedError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ provider: 'Flaky', model: 'shared-model', partialText: 'half an ans' });
  });

  it('registerProvider adds to the process-wide registry', async () => {
    registerProvider(echoProviderClass('global'), testMetadata({ name: 'GlobalPlain', models: ['global-model'], defaultModel: 'global-model', modelAliases: {} }));
    expect(getRegistry().has('GlobalPlain')).toBe(true);
    expect(await getRegistry().complete(ask('global-model', 'x'))).toBe('global[global-model]: x');
  });
});

describe('ProviderRegistry.get', () => {
  it('explains a constructor dependency that cannot be injected', () => {
    const registry = createRegistry();
    class NeedsUndeclared {
      constructor(readonly dependency: { value: number }) {}
      async *createAsyncGenerator(): AsyncGenerator<StreamPart> {}
    }
    registry.register(NeedsUndeclared, testMetadata({ name: 'NeedsUndeclared' }));
    expect(() => registry.get('NeedsUndeclared')).toThrow(ProviderRegistrationError);
    expect(() => registry.get('NeedsUndeclared')).toThrow(/could not be constructed: TypeInfo not known.*emitDecoratorMetadata/);
  });
});
