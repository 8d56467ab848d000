import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('plain JavaScript against the built @switchboard/core', () => {
  it('registers two providers sharing an alias, lists them and streams from both registries', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script]);
    expect(stdout.split('\n')).toEqual([
      'tiny-echo: LoudEcho (tiny-echo-1), QuietEcho (tiny-echo-1)',
      'tiny-echo-1: LoudEcho (tiny-echo-1), QuietEcho (tiny-echo-1)',
      'global registry: HELLO FROM JAVASCRIPT',
      'isolated registry: hello from javascript',
      '',
    ]);
  });
});
