import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('Qwen settings example', () => {
  it('streams from the Space emulator through the registry and without one, with the configured headers', async () => {
    const run = await runExample(script, { env: { QWEN2_72B_URL: undefined, HF_TOKEN: undefined } });
    expect(run).toEqual({
      stdout: [
        'A Space hosts a demo app. (system prompt: "Answer in one sentence.")',
        'A Space hosts a demo app. (system prompt: "You are a helpful assistant.")',
        'joins sent with x-team: docs, none',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
