import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('routing example', () => {
  it('retries the busy provider, falls back to the steady one, and reports a pinned request that failed', async () => {
    expect(await runExample(script)).toEqual({
      stdout: [
        'Busy: QUEUE_FULL, retrying (attempt 2)',
        'Busy failed (QUEUE_FULL), trying Steady',
        'You said: Hi',
        'Busy: QUEUE_FULL, retrying (attempt 2)',
        'Busy gave up: The upstream queue is full (Queue is full. Max size is 5 and size is 5.); try again later or use another provider.',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
