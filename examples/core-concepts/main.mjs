// The request contract in one program: messages made of text parts, generation settings
// and the warning for a setting a provider ignores, token usage on `finish`, the registry's
// default model, validation before anything is sent, and pinning a request to one provider.
// Run after `pnpm build`: node examples/core-concepts/main.mjs
import { InvalidRequestError, createRegistry, messageText } from '@switchboard/core';

const wordsMetadata = {
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'words-1',
  models: ['words-1'],
  modelAliases: { words: 'words-1' },
};

/** Repeats the last user message, at most `maxOutputTokens` words of it. */
class Echo {
  async *createAsyncGenerator(request) {
    const words = messageText(request.messages.at(-1)).split(/\s+/).filter(Boolean);
    const kept = words.slice(0, request.maxOutputTokens ?? words.length);
    yield { type: 'text-delta', text: kept.join(' ') };
    const usage = { inputTokens: words.length, outputTokens: kept.length, source: 'estimated' };
    yield { type: 'finish', reason: kept.length < words.length ? 'length' : 'stop', usage };
  }
}

/** Repeats the last user message backwards. */
class Mirror {
  async *createAsyncGenerator(request) {
    yield { type: 'text-delta', text: [...messageText(request.messages.at(-1))].reverse().join('') };
    yield { type: 'finish', reason: 'stop' };
  }
}

const registry = createRegistry({ defaultModel: 'words', timeouts: { totalMs: 10_000 } });
registry.register(Echo, { ...wordsMetadata, name: 'Echo', label: 'Echo', priority: 1, supportedSettings: ['maxOutputTokens'] });
registry.register(Mirror, { ...wordsMetadata, name: 'Mirror', label: 'Mirror' });

async function show(request) {
  for await (const part of registry.stream(request)) {
    if (part.type === 'warning') console.log(`  warning: ${part.message}`);
    if (part.type === 'text-delta') console.log(`  text: ${part.text}`);
    if (part.type === 'finish') console.log(`  finish: ${part.reason}, usage ${JSON.stringify(part.usage ?? null)}`);
  }
}

console.log('no model named, so the default model; text parts; two settings:');
await show({
  messages: [{ role: 'user', content: [{ type: 'text', text: 'one two ' }, { type: 'text', text: 'three four five' }] }],
  maxOutputTokens: 3,
  seed: 7,
});

console.log('pinned to Mirror:');
await show({ provider: 'Mirror', messages: [{ role: 'user', content: 'stressed' }] });

console.log('refused before anything is sent:');
const invalidRequests = [
  { messages: [{ role: 'user', content: 'Hi' }], temperature: -1 },
  { messages: [{ role: 'system', content: 'Be brief.' }] },
  { messages: [{ role: 'user', content: [{ type: 'image', url: 'https://example.invalid/cat.png' }] }] },
];
for (const request of invalidRequests) {
  try {
    await show(request);
    throw new Error('The registry accepted an invalid request.');
  } catch (error) {
    if (!InvalidRequestError.isInstance(error)) throw error;
    console.log(`  ${error.code} (${error.param}): ${error.message}`);
  }
}
