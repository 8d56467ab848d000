// The shortest path to a provider of your own: a class with createAsyncGenerator,
// registered with its metadata, then streamed by alias through the registry.
//   node examples/custom-provider/main.mjs "some words to reverse"
import { BaseProvider, getRegistry, messageText, registerProvider, textStream } from '@switchboard/core';

class ReverseProvider extends BaseProvider {
  async *createAsyncGenerator(request, { signal } = {}) {
    const model = this.getModel(request.model);
    const words = messageText(request.messages.at(-1)).split(/\s+/).filter(Boolean).reverse();
    yield { type: 'status', stage: 'started' };
    for (const [index, word] of words.entries()) {
      signal?.throwIfAborted();
      yield { type: 'text-delta', text: index === 0 ? word : ` ${word}` };
    }
    if (model === 'reverse-shout') yield { type: 'text-delta', text: '!' };
    yield { type: 'finish', reason: 'stop' };
  }
}

registerProvider(ReverseProvider, {
  name: 'Reverse',
  label: 'Word reverser',
  url: 'https://example.com/reverse',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'reverse-1',
  models: ['reverse-1', 'reverse-shout'],
  modelAliases: { reverse: 'reverse-1', shout: 'reverse-shout' },
});

const prompt = process.argv.slice(2).join(' ') || 'streams providers custom love we';
for await (const text of textStream(getRegistry().stream({ model: 'reverse', messages: [{ role: 'user', content: prompt }] }))) {
  process.stdout.write(text);
}
process.stdout.write('\n');
