// The Qwen Space emulator with an injected fault: the connection drops in the middle of the
// answer, and the Qwen provider reports STREAM_TRUNCATED with the text received until then.
// The emulator records every request it receives.
// Run after `pnpm build`: node examples/space-emulator/main.mjs
import { setTimeout as delay } from 'node:timers/promises';
import { StreamTruncatedError, textStream } from '@switchboard/core';
import { createQwen2_72BProvider } from '@switchboard/provider-qwen2-72b';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';

const emulator = await startQwenSpaceEmulator({ version: '4.36', answer: 'Hello! How are you?', tokenSize: 2, fault: { kind: 'drop-connection', afterTokens: 3 } });
try {
  const provider = createQwen2_72BProvider({ baseUrl: emulator.url });
  const request = { messages: [{ role: 'user', content: 'Hi' }] };
  try {
    for await (const text of textStream(provider.createAsyncGenerator(request, { signal: AbortSignal.timeout(10_000) }))) {
      process.stdout.write(text);
    }
    throw new Error('The emulator was expected to drop the connection.');
  } catch (error) {
    if (!StreamTruncatedError.isInstance(error)) throw error;
    console.log(`\n${error.code}: partial text ${JSON.stringify(error.partialText)}`);
  }
  await Promise.race([emulator.waitForStreamClose(), failAfter(5_000, 'the data stream to close')]);
  for (const { method, path } of emulator.requests) console.log(`${method} ${path}`);
} finally {
  await emulator.close();
}

/** Rejects after `ms`, without keeping the process alive for it. */
function failAfter(ms, what) {
  return delay(ms, undefined, { ref: false }).then(() => {
    throw new Error(`Waited ${ms} ms for ${what}.`);
  });
}
