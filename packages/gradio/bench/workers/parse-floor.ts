import { createParser } from 'eventsource-parser';
import { openDataStream } from '../read-data-stream.js';
import { runWorker } from '../run-worker.js';

interface CompletedMessage {
  output: { data: [string, [string, string][], string] };
}

await runWorker({
  prepare: async () => undefined,
  async run(_prepared, { url, benchCase }) {
    let messages = 0;
    let previous: unknown;
    let last: unknown;
    const parser = createParser({
      onEvent: (event) => {
        previous = last;
        last = JSON.parse(event.data);
        messages++;
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of await openDataStream(url, benchCase.query)) parser.feed(decoder.decode(chunk, { stream: true }));
    if (messages !== benchCase.messages) throw new Error(`parsed ${messages} messages, expected ${benchCase.messages}`);
    const chatbot = (previous as CompletedMessage).output.data[1];
    return chatbot[chatbot.length - 1]![1];
  },
});
