// The Qwen2-72B provider's settings, given in code: here it is pointed at the built-in
// Space emulator on 127.0.0.1, so nothing leaves the machine. Against the real Space, leave
// baseUrl out (or set QWEN2_72B_URL) and set HF_TOKEN if you have a token.
// Run after `pnpm build`: node examples/qwen-settings/main.mjs
import '@switchboard/provider-qwen2-72b'; // registers Qwen2_72BProvider in the process-wide registry
import { getRegistry, textStream } from '@switchboard/core';
import { Qwen2_72BProvider, createQwen2_72BProvider } from '@switchboard/provider-qwen2-72b';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';

const emulator = await startQwenSpaceEmulator({
  answer: (query, history, system) => `A Space hosts a demo app. (system prompt: "${system}")`,
  tokenSize: 8,
});
try {
  getRegistry().configureProvider(Qwen2_72BProvider, { baseUrl: emulator.url, headers: { 'x-team': 'docs' } });

  const parts = getRegistry().stream({
    model: 'qwen-2-72b',
    messages: [
      { role: 'system', content: 'Answer in one sentence.' },
      { role: 'user', content: 'What is a Gradio Space?' },
    ],
    timeouts: { totalMs: 10_000 },
  });
  for await (const text of textStream(parts)) process.stdout.write(text);
  process.stdout.write('\n');

  const provider = createQwen2_72BProvider({ baseUrl: emulator.url }); // without a registry
  const answer = await provider.complete(
    { messages: [{ role: 'user', content: 'And a queue?' }] },
    { signal: AbortSignal.timeout(10_000) },
  );
  console.log(answer);

  const joins = emulator.requests.filter((request) => request.path.endsWith('/queue/join'));
  console.log(`joins sent with x-team: ${joins.map((request) => request.headers['x-team'] ?? 'none').join(', ')}`);
} finally {
  await emulator.close();
}
