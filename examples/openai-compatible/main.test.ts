import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('OpenAI-compatible provider example', () => {
  it('streams by alias with usage from the upstream, sends the declared settings, and answers without a registry', async () => {
    const run = await runExample(script);
    expect(run).toEqual({
      stdout: [
        'Hello from an OpenAI-compatible server.',
        '(stop, 7 tokens counted by the upstream)',
        'sent model=qwen2.5:72b temperature=0.2 max_tokens=64',
        'Hello from an OpenAI-compatible server.',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
