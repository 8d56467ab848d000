// Cross-family fallback: the alias `qwen-2-72b` is served by two providers of different
// kinds. The Qwen2-72B Space (a Gradio queue, priority 1) is asked first; an Ollama-like
// OpenAI-compatible server (`/v1/chat/completions`, priority 0) serves the same alias as
// `qwen2.5:72b`. Both run as emulators on 127.0.0.1.
//
//   pnpm --filter @switchboard/examples fallback                         # the Space answers
//   pnpm --filter @switchboard/examples fallback -- --space-queue-full   # the Space's queue is full: Ollama answers
//   pnpm --silent --filter @switchboard/examples fallback -- --space-queue-full "Hello"   # stdout: only the answer
//
// The flags may also follow the script name directly (`fallback --space-queue-full`); without
// `--silent`, pnpm prints the command it runs on stdout before the answer.
// The script builds the packages it needs first. Once they are built: node examples/fallback/main.mjs [--space-queue-full] [PROMPT...]
// stdout carries exactly the answer; stderr tells which provider was tried, retried and why it fell back.
import { parseArgs } from 'node:util';
import { createRegistry } from '@switchboard/core';
import { defineOpenAICompatibleProvider } from '@switchboard/provider-openai-compatible';
import { Qwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';
import { startOpenAIEmulator } from '@switchboard/testing';
import { describeRoutingEvent } from './describe-routing-event.mjs';
import { ollamaAnswer, spaceAnswer } from './fallback-answers.mjs';

const usage = `Usage: node examples/fallback/main.mjs [--space-queue-full] [PROMPT...]

  --space-queue-full   the Space's queue is full: its retries fail and the answer comes from Ollama`;

function fail(code, message) {
  process.stderr.write(`${code}: ${message}\n`);
  process.exit(1);
}

// pnpm 10 passes the `--` of `pnpm <script> -- <flags>` on to the script: skip it.
const argv = process.argv[2] === '--' ? process.argv.slice(3) : process.argv.slice(2);
let args;
try {
  args = parseArgs({
    args: argv,
    options: { 'space-queue-full': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
} catch (error) {
  fail('USAGE', `${error.message}\n${usage}`);
}
if (args.values.help) {
  process.stderr.write(`${usage}\n`);
  process.exit(0);
}
const spaceQueueFull = args.values['space-queue-full'];
const prompt = args.positionals.join(' ').trim() || 'What is Qwen2-72B?';

const space = await startQwenSpaceEmulator({
  answer: spaceAnswer,
  tokenSize: 8,
  tokenDelayMs: 2,
  ...(spaceQueueFull ? { fault: { kind: 'queue-full' } } : {}),
});
const ollama = await startOpenAIEmulator({ answer: ollamaAnswer, models: ['qwen2.5:72b'], tokenSize: 8, tokenDelayMs: 2 });
process.stderr.write(`Space emulator (priority 1)${spaceQueueFull ? ', its queue full' : ''}; Ollama emulator (priority 0).\n`);

const registry = createRegistry({
  retry: { maxAttempts: 2, baseDelayMs: 100 },
  onEvent: (event) => {
    const line = describeRoutingEvent(event);
    if (line !== undefined) process.stderr.write(`${line}\n`);
  },
});
registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, priority: 1 }, { settings: { baseUrl: space.url } });
const { providerClass: Ollama, metadata: ollamaMetadata } = defineOpenAICompatibleProvider({
  name: 'Ollama',
  label: 'Ollama (local)',
  baseUrl: ollama.baseUrl,
  models: ['qwen2.5:72b'],
  modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' },
  priority: 0,
});
registry.register(Ollama, ollamaMetadata);

let exitCode = 0;
try {
  for await (const part of registry.stream({ model: 'qwen-2-72b', messages: [{ role: 'user', content: prompt }] })) {
    if (part.type === 'text-delta') process.stdout.write(part.text);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
} catch (error) {
  process.stderr.write(`${error?.code ?? 'ERROR'}: ${String(error?.message ?? error).split('\n')[0]}\n`);
  exitCode = 1;
} finally {
  await Promise.all([space.close(), ollama.close()]);
}
process.exit(exitCode);
