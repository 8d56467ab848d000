// A provider declared with @RegisterProvider: defining the class registers it in the
// process-wide registry. Its settings arrive through @inject(providerSettingsToken), an
// explicit token, so injection needs no emitted decorator metadata.
// Build and run: pnpm --filter @switchboard/examples build:ts && node examples/decorated-provider/dist/main.js
import {
  BaseProvider,
  RegisterProvider,
  getRegistry,
  inject,
  messageText,
  providerSettingsToken,
  type ChatRequest,
  type StreamOptions,
  type StreamPart,
} from '@switchboard/core';

/** What Shouty can be configured with. */
interface ShoutySettings {
  /** Appended to every answer. Default `!`. */
  ending?: string;
}

@RegisterProvider({
  name: 'Shouty',
  label: 'Shouty echo',
  url: 'https://example.com',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'shouty-1',
  models: ['shouty-1'],
  modelAliases: { shouty: 'shouty-1' },
})
class Shouty extends BaseProvider {
  readonly ending: string;

  constructor(@inject(providerSettingsToken) settings: ShoutySettings = {}) {
    super();
    this.ending = settings.ending ?? '!';
  }

  async *createAsyncGenerator(request: ChatRequest, options: StreamOptions = {}): AsyncGenerator<StreamPart> {
    const words = messageText(request.messages.at(-1)!).toUpperCase().split(/\s+/).filter(Boolean);
    for (const [index, word] of words.entries()) {
      options.signal?.throwIfAborted();
      yield { type: 'text-delta', text: index === 0 ? word : ` ${word}` };
    }
    yield { type: 'text-delta', text: this.ending };
    yield { type: 'finish', reason: 'stop', usage: { outputTokens: words.length, source: 'estimated' } };
  }
}

getRegistry().configureProvider(Shouty, { ending: '!!!' });

for await (const part of getRegistry().stream({ model: 'shouty', messages: [{ role: 'user', content: 'hello there' }] })) {
  if (part.type === 'text-delta') process.stdout.write(part.text);
  if (part.type === 'finish') process.stdout.write(`\n(${part.reason}, ${part.usage?.outputTokens} words)\n`);
}
