// Switchboard from plain JavaScript: no decorators, no TypeScript, no build step.
// Run after `pnpm build`: node examples/plain-javascript/main.mjs
import { createRegistry, getRegistry, inject, messageText, providerSettingsToken, registerProvider, textStream } from '@switchboard/core';

const sharedMetadata = {
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'tiny-echo-1',
  models: ['tiny-echo-1'],
  modelAliases: { 'tiny-echo': 'tiny-echo-1' },
};

class LoudEcho {
  async *createAsyncGenerator(request) {
    const words = messageText(request.messages.at(-1)).toUpperCase().split(' ');
    for (const [index, word] of words.entries()) {
      yield { type: 'text-delta', text: index === 0 ? word : ` ${word}` };
    }
    yield { type: 'finish', reason: 'stop' };
  }
}

class QuietEcho {
  constructor(settings = {}) {
    this.prefix = settings.prefix ?? '';
  }

  async *createAsyncGenerator(request) {
    yield { type: 'text-delta', text: this.prefix + messageText(request.messages.at(-1)).toLowerCase() };
    yield { type: 'finish', reason: 'stop' };
  }
}
// What `@inject(providerSettingsToken)` on the first constructor parameter does in TypeScript.
inject(providerSettingsToken)(QuietEcho, undefined, 0);

registerProvider(LoudEcho, { ...sharedMetadata, name: 'LoudEcho', label: 'Loud echo', priority: 1 });
registerProvider(QuietEcho, { ...sharedMetadata, name: 'QuietEcho', label: 'Quiet echo' });

for (const { name, providers } of getRegistry().models()) {
  console.log(`${name}: ${providers.map((entry) => `${entry.provider} (${entry.model})`).join(', ')}`);
}

const request = { model: 'tiny-echo', messages: [{ role: 'user', content: 'Hello from JavaScript' }] };
let answer = '';
for await (const text of textStream(getRegistry().stream(request))) answer += text;
console.log(`global registry: ${answer}`);

const isolated = createRegistry();
isolated.register(QuietEcho, { ...sharedMetadata, name: 'QuietEcho', label: 'Quiet echo' }, { settings: { prefix: '(quietly) ' } });
let quiet = '';
for await (const text of textStream(isolated.stream(request))) quiet += text;
console.log(`isolated registry: ${quiet}`);

isolated.configureProvider('QuietEcho', { prefix: '(whispered) ' });
console.log(`reconfigured: ${await isolated.complete(request)}`);
