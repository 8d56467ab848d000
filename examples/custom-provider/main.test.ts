import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('custom provider example', () => {
  it('registers its own provider and streams from it by alias', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script, 'one two three']);
    expect(stdout).toBe('three two one\n');
  });
});
