// Abort: one AbortSignal stops a routed request. The consumer aborts after three words;
// the stream settles with AbortError (holding the text received so far), and the
// provider's own signal is aborted and its generator closed.
// Run after `pnpm build`: node examples/abort/main.mjs
import { setTimeout as delay } from 'node:timers/promises';
import { AbortError, createRegistry, textStream } from '@switchboard/core';

const words = ['Streams', 'can', 'be', 'stopped', 'at', 'any', 'moment', 'by', 'the', 'caller.'];
let reportClosed;
const providerClosed = new Promise((resolve) => (reportClosed = resolve));

class SlowWords {
  async *createAsyncGenerator(request, { signal }) {
    try {
      for (const [index, word] of words.entries()) {
        await delay(20, undefined, { signal });
        yield { type: 'text-delta', text: index === 0 ? word : ` ${word}` };
      }
      yield { type: 'finish', reason: 'stop' };
    } finally {
      reportClosed(signal.aborted ? `its signal was aborted (${signal.reason.code})` : 'it finished');
    }
  }
}

const registry = createRegistry({ timeouts: { totalMs: 10_000 } });
registry.register(SlowWords, {
  name: 'SlowWords',
  label: 'Slow words',
  url: 'https://example.invalid',
  working: true,
  needsAuth: false,
  supportsStream: true,
  supportsSystemMessage: false,
  supportsMessageHistory: false,
  defaultModel: 'slow-words-1',
  models: ['slow-words-1'],
  modelAliases: {},
});
const request = { model: 'slow-words-1', messages: [{ role: 'user', content: 'Say something slowly.' }] };

const controller = new AbortController();
let received = 0;
try {
  for await (const text of textStream(registry.stream(request, { signal: controller.signal }))) {
    process.stdout.write(text);
    received += 1;
    if (received === 3) controller.abort('enough words');
  }
  throw new Error('The stream ended without being aborted.');
} catch (error) {
  if (!AbortError.isInstance(error)) throw error;
  console.log(`\nstopped (${error.reason}) after: ${error.partialText}`);
}
console.log(`provider closed: ${await providerClosed}`);
