import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('gateway example', () => {
  it('serves the Space emulator at /v1 to the official openai client, streaming and not, and refuses a wrong key', async () => {
    const run = await runExample(script, { env: { QWEN2_72B_URL: undefined, HF_TOKEN: undefined } });
    expect(run).toEqual({
      stdout: [
        'You asked: What is a gateway?',
        '(8 completion tokens)',
        'You asked: And a model alias? (stop)',
        'a wrong key gets 401 INVALID_API_KEY',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
