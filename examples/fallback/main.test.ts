import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';
import { ollamaAnswer, spaceAnswer } from './fallback-answers.mjs';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));
const queueFull =
  'QUEUE_FULL: The upstream queue is full (Queue is full. Max size is 10 and size is 10.); try again later or use another provider.';
const ollamaRequest = (content: string) => ({ model: 'qwen2.5:72b', messages: [{ role: 'user', content }] });

describe('fallback example', () => {
  it('answers from the Space when its queue has room, trying nothing else', async () => {
    expect(await runExample(script, { args: ['Hello', 'there'] })).toEqual({
      stdout: spaceAnswer('Hello there'),
      stderr: [
        'Space emulator (priority 1); Ollama emulator (priority 0).',
        'attempt 1 on Qwen_Qwen_2_72B (model qwen-qwen2-72b-instruct)',
        'first text from Qwen_Qwen_2_72B',
        'finish: stop (Qwen_Qwen_2_72B)',
        '',
      ].join('\n'),
      exitCode: 0,
    });
    expect(spaceAnswer('Hello there')).toContain('The Qwen2-72B Space answers "Hello there"');
  });

  it('with --space-queue-full, retries the Space once and falls back to Ollama, which gets the alias as its own model id', async () => {
    expect(await runExample(script, { args: ['--space-queue-full', 'Hello'] })).toEqual({
      stdout: ollamaAnswer(ollamaRequest('Hello')),
      stderr: [
        'Space emulator (priority 1), its queue full; Ollama emulator (priority 0).',
        'attempt 1 on Qwen_Qwen_2_72B (model qwen-qwen2-72b-instruct)',
        `retry Qwen_Qwen_2_72B (attempt 2 next): ${queueFull}`,
        'attempt 2 on Qwen_Qwen_2_72B (model qwen-qwen2-72b-instruct)',
        `fallback Qwen_Qwen_2_72B -> Ollama: ${queueFull}`,
        'attempt 1 on Ollama (model qwen2.5:72b)',
        'first text from Ollama',
        'finish: stop (Ollama)',
        '',
      ].join('\n'),
      exitCode: 0,
    });
    expect(ollamaAnswer(ollamaRequest('Hello'))).toContain('Ollama (qwen2.5:72b) answers "Hello"');
  });

  it('skips the "--" that `pnpm <script> -- <flags>` passes on', async () => {
    const run = await runExample(script, { args: ['--', '--space-queue-full'] });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(ollamaAnswer(ollamaRequest('What is Qwen2-72B?')));
  });

  it('rejects an unknown flag with a usage message and exit code 1', async () => {
    const run = await runExample(script, { args: ['--space-full'] });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^USAGE: Unknown option '--space-full'/);
    expect(run.stderr).toContain('--space-queue-full');
  });
});
