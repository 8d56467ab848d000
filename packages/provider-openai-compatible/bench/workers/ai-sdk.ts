import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';
import { benchPrompt } from '../bench-case.js';
import { runWorker } from '../run-worker.js';

type ChatModels = ReturnType<typeof createOpenAICompatible>;

await runWorker<ChatModels>({
  prepare: ({ baseUrl }) => createOpenAICompatible({ name: 'bench', baseURL: baseUrl, apiKey: 'bench', includeUsage: true }),
  async run(models, { benchCase }) {
    const result = streamText({ model: models.chatModel(benchCase.model), prompt: benchPrompt, maxRetries: 0 });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    return text;
  },
});
