// The OpenAI-compatible gateway in your own program: the Qwen2-72B provider, pointed at the
// built-in Space emulator on 127.0.0.1, served at /v1 and read with the official openai client.
// Run after `pnpm build`: node examples/gateway/main.mjs
import '@switchboard/provider-qwen2-72b'; // registers Qwen2_72BProvider in the process-wide registry
import { getRegistry } from '@switchboard/core';
import { Qwen2_72BProvider } from '@switchboard/provider-qwen2-72b';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';
import { createGateway } from '@switchboard/server';
import OpenAI from 'openai';

const space = await startQwenSpaceEmulator({ answer: (query) => `You asked: ${query}`, tokenSize: 5 });
const registry = getRegistry().configure({ defaultModel: 'qwen-2-72b' });
registry.configureProvider(Qwen2_72BProvider, { baseUrl: space.url });

const gateway = createGateway({ registry, apiKeys: ['sk-local-example'] });
try {
  const url = await gateway.listen({ host: '127.0.0.1', port: 0 });
  const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'sk-local-example', maxRetries: 0, timeout: 10_000 });

  const stream = await client.chat.completions.create({
    model: 'qwen-2-72b',
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'What is a gateway?' }],
  });
  for await (const chunk of stream) {
    process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
    if (chunk.usage) process.stdout.write(`\n(${chunk.usage.completion_tokens} completion tokens)\n`);
  }

  const completion = await client.chat.completions.create({
    model: 'qwen-2-72b',
    messages: [{ role: 'user', content: 'And a model alias?' }],
  });
  console.log(completion.choices[0].message.content, `(${completion.choices[0].finish_reason})`);

  const wrongKey = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'sk-wrong', maxRetries: 0, timeout: 10_000 });
  try {
    await wrongKey.models.list();
  } catch (error) {
    if (!(error instanceof OpenAI.AuthenticationError)) throw error;
    console.log(`a wrong key gets ${error.status} ${error.code}`);
  }
} finally {
  await gateway.close({ graceMs: 1_000 });
  await space.close();
}
