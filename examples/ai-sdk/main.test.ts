import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('AI SDK example', () => {
  it('streams the Space answer through streamText over the registry', async () => {
    expect(await runExample(script, { args: ['Hello'] })).toEqual({
      stdout: 'The Space answers "Hello": a 72-billion-parameter model.\n',
      stderr: 'answered by Qwen_Qwen_2_72B (qwen-qwen2-72b-instruct)\n',
      exitCode: 0,
    });
  });

  it('falls back to the AI SDK model served as a Switchboard provider when the Space queue is full', async () => {
    expect(await runExample(script, { args: ['--space-queue-full', 'Hello'] })).toEqual({
      stdout: 'Ollama answers through the AI SDK.\n',
      stderr: 'answered by Ollama (qwen2.5:72b) after Qwen_Qwen_2_72B failed (QUEUE_FULL)\n',
      exitCode: 0,
    });
  });
});
