import { createOpenAICompatibleProvider, type OpenAICompatibleProvider } from '../../src/index.js';
import { benchPrompt } from '../bench-case.js';
import { runWorker } from '../run-worker.js';

await runWorker<OpenAICompatibleProvider>({
  prepare: ({ baseUrl, benchCase }) => createOpenAICompatibleProvider({ name: 'Bench', baseUrl, models: [benchCase.model] }),
  async run(provider, { benchCase }) {
    let text = '';
    let finished = false;
    for await (const part of provider.createAsyncGenerator({ model: benchCase.model, messages: [{ role: 'user', content: benchPrompt }] })) {
      if (part.type === 'text-delta') text += part.text;
      else if (part.type === 'finish') finished = true;
    }
    if (!finished) throw new Error('the provider ended without a finish part');
    return text;
  },
  dispose: (provider) => provider.close(),
});
