// The Vercel AI SDK and Switchboard, both ways, on emulators at 127.0.0.1:
// - an AI SDK model (`@ai-sdk/openai-compatible` pointed at an Ollama-like server) becomes a
//   Switchboard provider with `languageModelProvider`, serving the alias `qwen-2-72b` as the
//   fallback of the Qwen2-72B Space;
// - the registry becomes an AI SDK provider with `createSwitchboard`, and `streamText` streams
//   the answer from whichever provider routing picks.
//
//   node examples/ai-sdk/main.mjs [--space-queue-full] [PROMPT...]   (after `pnpm build`)
//
// stdout carries exactly the answer; stderr says which provider answered and why.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createSwitchboard, languageModelProvider } from '@switchboard/ai-sdk';
import { createRegistry } from '@switchboard/core';
import { Qwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';
import { startOpenAIEmulator } from '@switchboard/testing';
import { streamText } from 'ai';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { 'space-queue-full': { type: 'boolean', default: false } }, allowPositionals: true });
const prompt = positionals.join(' ').trim() || 'What is Qwen2-72B?';

const space = await startQwenSpaceEmulator({
  answer: (query) => `The Space answers "${query}": a 72-billion-parameter model.`,
  tokenSize: 6,
  ...(values['space-queue-full'] ? { fault: { kind: 'queue-full' } } : {}),
});
const ollama = await startOpenAIEmulator({ answer: 'Ollama answers through the AI SDK.', models: ['qwen2.5:72b'], tokenSize: 6 });

try {
  const registry = createRegistry({ retry: { maxAttempts: 1 } });
  registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, priority: 1 }, { settings: { baseUrl: space.url } });

  // An AI SDK model as a Switchboard provider.
  const ollamaModel = createOpenAICompatible({ name: 'ollama', baseURL: ollama.baseUrl }).chatModel('qwen2.5:72b');
  const { providerClass, metadata } = languageModelProvider(ollamaModel, { name: 'Ollama', modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' } });
  registry.register(providerClass, metadata);

  // The registry as an AI SDK provider. Switchboard retries and falls back, so the AI SDK need not.
  const switchboard = createSwitchboard({ registry });
  const result = streamText({ model: switchboard('qwen-2-72b'), prompt, maxRetries: 0 });
  for await (const text of result.textStream) process.stdout.write(text);
  process.stdout.write('\n');

  const routing = (await result.providerMetadata)?.switchboard;
  const fallbacks = routing.fallbacks.map((fallback) => ` after ${fallback.from} failed (${fallback.code})`).join('');
  process.stderr.write(`answered by ${routing.provider} (${routing.model})${fallbacks}\n`);
} finally {
  await Promise.all([space.close(), ollama.close()]);
}
