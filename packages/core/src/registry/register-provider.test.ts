import 'reflect-metadata';
import { injectable } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { BaseProvider } from '../mixins/base-provider.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { StreamPart } from '../spec/stream-part.js';
import { createRegistry, getRegistry } from './global-registry.js';
import { RegisterProvider } from './register-provider.js';
import { testMetadata } from '../testing/index.js';

@injectable()
class GreetingSettings {
  readonly greeting = 'Bonjour';
}

@RegisterProvider(
  testMetadata({
    name: 'DecoratedGreeter',
    defaultModel: 'greeter-1',
    models: ['greeter-1'],
    modelAliases: { greeter: 'greeter-1' },
  }),
)
class DecoratedGreeter extends BaseProvider {
  constructor(readonly settings: GreetingSettings) {
    super();
  }

  async *createAsyncGenerator(request: ChatRequest): AsyncGenerator<StreamPart> {
    yield { type: 'text-delta', text: `${this.settings.greeting}, ${request.messages.at(-1)?.content}` };
    yield { type: 'finish', reason: 'stop' };
  }
}

describe('@RegisterProvider', () => {
  it('emits constructor metadata under vitest (the transform keeps design:paramtypes)', () => {
    expect(Reflect.getMetadata('design:paramtypes', DecoratedGreeter)).toEqual([GreetingSettings]);
  });

  it('registers the class in the process-wide registry on import, dependencies injected', async () => {
    const registry = getRegistry();
    expect(registry.list().map((metadata) => metadata.name)).toContain('DecoratedGreeter');
    const provider = registry.get('DecoratedGreeter') as DecoratedGreeter;
    expect(provider).toBeInstanceOf(DecoratedGreeter);
    expect(provider.settings).toBeInstanceOf(GreetingSettings);
    expect(provider.getModel('greeter')).toBe('greeter-1');
    expect(await registry.complete({ model: 'greeter', messages: [{ role: 'user', content: 'Ada' }] })).toBe('Bonjour, Ada');
  });

  it('lets an isolated registry take the decorated class without metadata and override its dependencies', async () => {
    const registry = createRegistry();
    registry.container.register(GreetingSettings, { useValue: { greeting: 'Hola' } });
    registry.register(DecoratedGreeter);
    expect(await registry.complete({ model: 'greeter-1', messages: [{ role: 'user', content: 'Lin' }] })).toBe('Hola, Lin');
    expect(await getRegistry().complete({ model: 'greeter-1', messages: [{ role: 'user', content: 'Lin' }] })).toBe(
      'Bonjour, Lin',
    );
  });
});
