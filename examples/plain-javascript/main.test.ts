import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('plain JavaScript against the built @switchboard/core', () => {
  it('registers two providers sharing an alias, lists them, streams from both registries and passes settings', async () => {
    expect(await runExample(script)).toEqual({
      stdout: [
        'tiny-echo: LoudEcho (tiny-echo-1), QuietEcho (tiny-echo-1)',
        'tiny-echo-1: LoudEcho (tiny-echo-1), QuietEcho (tiny-echo-1)',
        'global registry: HELLO FROM JAVASCRIPT',
        'isolated registry: (quietly) hello from javascript',
        'reconfigured: (whispered) hello from javascript',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });
});
