// @switchboard/gradio on its own: call a Gradio app's queued function and watch its events.
// Without an argument it talks to the Qwen Space emulator on 127.0.0.1.
// Run after `pnpm build`: node examples/gradio-client/main.mjs [SPACE_URL]
import { connectSpace } from '@switchboard/gradio';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';

const emulator = process.argv[2]
  ? undefined
  : await startQwenSpaceEmulator({ answer: 'Hello! How can I help?', tokenSize: 12, queue: { rank: 1, waitMs: 20 } });
const spaceUrl = process.argv[2] ?? emulator.url;
const signal = AbortSignal.timeout(60_000);
try {
  const space = await connectSpace(spaceUrl, { hfToken: process.env.HF_TOKEN, signal });
  for await (const event of space.submit({ fnIndex: 0, data: ['Hi', [], 'You are a helpful assistant.'], signal })) {
    if (event.type === 'queued') console.error(`queue position ${event.rank}`);
    if (event.type === 'output') console.log(event.values[1]); // full values, diffs applied; event.edits says what changed
    if (event.type === 'completed') console.log('final', event.values);
  }
} finally {
  await emulator?.close();
}
