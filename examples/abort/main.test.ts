import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('abort example', () => {
  it('stops after three words with the partial text, and the provider sees its signal aborted', async () => {
    const started = Date.now();
    const run = await runExample(script);
    expect(run).toEqual({
      stdout: [
        'Streams can be',
        'stopped (enough words) after: Streams can be',
        'provider closed: its signal was aborted (ABORTED)',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    // Ten words at 20 ms would take 200 ms; the registry's 10 s total timeout never comes into play.
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});
