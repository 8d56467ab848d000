// The main demo: ask for a model by alias and stream the answer.
//   pnpm demo [--url URL | --live] [--model NAME] [--system TEXT] [--timeout-ms N] [PROMPT...]
// Without --url or --live it starts the built-in Space emulator on 127.0.0.1.
import { parseArgs } from 'node:util';
import { getRegistry } from '@switchboard/core';
import { Qwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';
import { createStatusLine } from './status-line.mjs';
import { demoAnswer } from './demo-answer.mjs';

const usage = `Usage: pnpm demo [--url URL | --live] [--model NAME] [--system TEXT] [--timeout-ms N] [PROMPT...]

  --url URL         any Gradio root URL serving the Qwen2-72B chat app
  --live            the real Space (${qwen2_72bMetadata.url})
  --model NAME      model id or alias (default qwen-2-72b)
  --system TEXT     system prompt
  --timeout-ms N    give up after N milliseconds in total
Without --url or --live, a Space emulator on 127.0.0.1 answers.`;

const options = {
  url: { type: 'string' },
  live: { type: 'boolean', default: false },
  model: { type: 'string', default: 'qwen-2-72b' },
  system: { type: 'string' },
  'timeout-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};

function fail(code, message) {
  process.stderr.write(`${code}: ${message}\n`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options, allowPositionals: true });
} catch (error) {
  fail('USAGE', `${error.message}\n${usage}`);
}
const { values, positionals } = args;
if (values.help) {
  process.stderr.write(`${usage}\n`);
  process.exit(0);
}
if (values.url && values.live) fail('USAGE', 'pass either --url or --live, not both');
const timeoutMs = values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']);
if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
  fail('USAGE', '--timeout-ms takes a positive whole number of milliseconds');
}
const prompt = positionals.join(' ').trim() || 'What can you tell me about the Qwen2 models?';

let emulator;
let baseUrl = values.url ?? (values.live ? qwen2_72bMetadata.url : undefined);
if (baseUrl === undefined) {
  emulator = await startQwenSpaceEmulator({
    answer: demoAnswer,
    tokenSize: 6,
    tokenDelayMs: 12,
    queue: { waitMs: 600, updates: 3, rank: 2, queueSize: 3, etaSeconds: 2 },
  });
  baseUrl = emulator.url;
  process.stderr.write(`Using the built-in Space emulator at ${baseUrl} (pass --live for the real Space, or --url URL).\n`);
}

const registry = getRegistry();
registry.configureProvider(Qwen2_72BProvider, { baseUrl });

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const status = createStatusLine(process.stderr);
const messages = [
  ...(values.system ? [{ role: 'system', content: values.system }] : []),
  { role: 'user', content: prompt },
];
let exitCode = 0;
let printed = '';
try {
  const stream = registry.stream(
    { model: values.model, messages, ...(timeoutMs ? { timeouts: { totalMs: timeoutMs } } : {}) },
    { signal: controller.signal, onEvent: (event) => status.event(event) },
  );
  for await (const part of stream) {
    if (part.type === 'status') {
      if (printed === '') status.show(part);
    } else if (part.type === 'text-delta') {
      status.clear();
      process.stdout.write(part.text);
      printed += part.text;
    } else if (part.type === 'text-revision') {
      status.clear();
      process.stderr.write('\n[the Space rewrote text it had already sent; the full revised answer follows]\n');
      process.stdout.write(`${printed === '' ? '' : '\n'}${part.text}`);
      printed = part.text;
    }
  }
  status.clear();
  if (process.stdout.isTTY) process.stdout.write('\n');
} catch (error) {
  status.clear();
  if (printed !== '' && process.stdout.isTTY) process.stdout.write('\n');
  const code = error?.code ?? 'ERROR';
  const causes = (error?.failures ?? []).map(({ provider, error: cause }) =>
    `${provider} ${cause.code}${cause.networkCode ? ` ${cause.networkCode}` : ''}`);
  const because = causes.length > 0 ? ` (${causes.join(', ')})` : '';
  process.stderr.write(`${code}${because}: ${String(error?.message ?? error).split('\n')[0]}\n`);
  exitCode = code === 'ABORTED' ? 130 : 1;
} finally {
  await emulator?.close();
}
process.exit(exitCode);
