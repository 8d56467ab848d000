import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('health example', () => {
  it('opens the circuit after two failures, skips the provider, closes it after a trial, and obeys setWorking', async () => {
    expect(await runExample(script)).toEqual({
      stdout: [
        'at 0 s: Backup answers',
        '  circuit of Flaky opened until 30000 ms',
        'at 0 s again: Backup answers',
        '  Flaky: open, working false, 2 failures in a row, last error UPSTREAM_HTTP',
        '  Backup: closed, working true, 0 failures in a row, last error none',
        'at 10 s, circuit open: Backup answers',
        '  circuit of Flaky closed',
        'at 30 s, trial request: Flaky is back',
        '  Flaky: closed, working true, 0 failures in a row, last error UPSTREAM_HTTP',
        '  Backup: closed, working true, 0 failures in a row, last error none',
        'Flaky switched off: Backup answers',
        'Flaky back in routing: Flaky is back',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
