import { openDataStream } from '../read-data-stream.js';
import { runWorker } from '../run-worker.js';

await runWorker({
  prepare: async () => undefined,
  async run(_prepared, { url, benchCase }) {
    let bytes = 0;
    for await (const chunk of await openDataStream(url, benchCase.query)) bytes += chunk.length;
    return bytes;
  },
});
