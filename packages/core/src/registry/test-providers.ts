import type { ChatProvider } from '../spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../spec/chat-request.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { StreamPart } from '../spec/stream-part.js';

/** Complete metadata for test providers; override what a test is about. */
export function testMetadata(overrides: Partial<ProviderMetadata> & Pick<ProviderMetadata, 'name'>): ProviderMetadata {
  return {
    label: overrides.name,
    url: 'https://example.invalid',
    working: true,
    needsAuth: false,
    supportsStream: true,
    supportsSystemMessage: false,
    supportsMessageHistory: false,
    defaultModel: 'shared-model',
    models: ['shared-model'],
    modelAliases: { shared: 'shared-model' },
    ...overrides,
  };
}

/** A provider class that answers "<label>: <last message>" in two deltas. */
export function echoProviderClass(label: string): new () => ChatProvider {
  return class EchoProvider implements ChatProvider {
    async *createAsyncGenerator(request: ChatRequest, _options?: StreamOptions): AsyncGenerator<StreamPart> {
      yield { type: 'text-delta', text: `${label}[${request.model}]: ` };
      yield { type: 'text-delta', text: request.messages.at(-1)?.content ?? '' };
      yield { type: 'finish', reason: 'stop' };
    }
  };
}
