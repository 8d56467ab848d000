import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('timeouts example', () => {
  it('waits out a queue longer than the first-token limit, then ends a stalled answer on the idle limit', async () => {
    expect(await runExample(script)).toEqual({
      stdout: [
        '[0 s] queued at position 2 of 3',
        '[45 s] queued at position 1 of 3',
        '[90 s] queued at position 0 of 3',
        '[135 s] started',
        '[155 s] text "Hello"',
        '[175 s] text " there"',
        '[205 s] TIMEOUT (idle), partial text "Hello there"',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
