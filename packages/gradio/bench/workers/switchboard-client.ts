import { connectSpace, type GradioSpace } from '../../src/index.js';
import { benchSystemPrompt } from '../bench-case.js';
import { ChatAnswer } from '../chat-answer.js';
import { runWorker } from '../run-worker.js';

await runWorker<GradioSpace>({
  prepare: ({ url }) => connectSpace(url),
  async run(space, { benchCase }) {
    const answer = new ChatAnswer(0);
    for await (const event of space.submit({ fnIndex: 0, data: [benchCase.query, [], benchSystemPrompt] })) {
      if (event.type === 'output') answer.update(event.values, event.edits);
      else if (event.type === 'completed') answer.reconcile(event.values);
    }
    return answer.text;
  },
  dispose: (space) => space.close(),
});
