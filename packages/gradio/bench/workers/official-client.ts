import { Client } from '@gradio/client';
import { benchSystemPrompt } from '../bench-case.js';
import { runWorker } from '../run-worker.js';

type ChatValues = [string, [string, string][], string];

await runWorker<Client>({
  prepare: ({ url }) => Client.connect(url),
  async run(client, { benchCase }) {
    let values: ChatValues | undefined;
    for await (const event of client.submit(0, [benchCase.query, [], benchSystemPrompt])) {
      if (event.type === 'data') values = event.data as ChatValues;
    }
    const chatbot = values?.[1] ?? [];
    return chatbot[chatbot.length - 1]?.[1] ?? '';
  },
  dispose: (client) => client.close(),
});
