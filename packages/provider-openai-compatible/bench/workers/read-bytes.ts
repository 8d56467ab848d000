import { openChatBody } from '../open-chat-body.js';
import { runWorker } from '../run-worker.js';

await runWorker({
  prepare: () => undefined,
  async run(_prepared, { baseUrl, benchCase }) {
    let bytes = 0;
    for await (const chunk of await openChatBody(baseUrl, benchCase.model)) bytes += chunk.length;
    return bytes;
  },
});
