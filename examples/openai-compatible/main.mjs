// Any OpenAI-compatible server as a provider (Ollama, vLLM, llama.cpp, LM Studio, OpenRouter,
// another Switchboard gateway): here an emulated Ollama on 127.0.0.1.
// Run after `pnpm build`: node examples/openai-compatible/main.mjs
import { createRegistry } from '@switchboard/core';
import { createOpenAICompatibleProvider, defineOpenAICompatibleProvider } from '@switchboard/provider-openai-compatible';
import { startOpenAIEmulator } from '@switchboard/testing';

const ollama = await startOpenAIEmulator({ answer: 'Hello from an OpenAI-compatible server.', models: ['qwen2.5:72b'], tokenSize: 6 });
try {
  const { providerClass, metadata } = defineOpenAICompatibleProvider({
    name: 'Ollama',
    baseUrl: ollama.baseUrl, // e.g. http://127.0.0.1:11434/v1 for a real Ollama
    models: ['qwen2.5:72b'],
    modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' },
  });
  const registry = createRegistry();
  registry.register(providerClass, metadata);

  const request = { model: 'qwen-2-72b', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.2, maxOutputTokens: 64 };
  for await (const part of registry.stream(request, { signal: AbortSignal.timeout(10_000) })) {
    if (part.type === 'text-delta') process.stdout.write(part.text);
    if (part.type === 'finish') console.log(`\n(${part.reason}, ${part.usage?.outputTokens} tokens counted by the ${part.usage?.source})`);
  }
  const sent = ollama.requests.at(-1).body;
  console.log(`sent model=${sent.model} temperature=${sent.temperature} max_tokens=${sent.max_tokens}`);

  const direct = createOpenAICompatibleProvider({ name: 'LocalVllm', baseUrl: ollama.baseUrl, models: ['qwen2.5:72b'] });
  console.log(await direct.complete({ messages: [{ role: 'user', content: 'Without a registry?' }] }));
} finally {
  await ollama.close();
}
