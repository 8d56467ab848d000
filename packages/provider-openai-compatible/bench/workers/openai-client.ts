import OpenAI from 'openai';
import { benchPrompt } from '../bench-case.js';
import { runWorker } from '../run-worker.js';

await runWorker<OpenAI>({
  prepare: ({ baseUrl }) => new OpenAI({ baseURL: baseUrl, apiKey: 'bench', maxRetries: 0 }),
  async run(client, { benchCase }) {
    const stream = await client.chat.completions.create({
      model: benchCase.model,
      messages: [{ role: 'user', content: benchPrompt }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  },
});
