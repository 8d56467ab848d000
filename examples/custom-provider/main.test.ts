import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

describe('custom provider example', () => {
  it('registers its own provider and streams from it by alias', async () => {
    expect(await runExample(script, { args: ['one two three'] })).toEqual({ stdout: 'three two one\n', stderr: '', exitCode: 0 });
  });

  it('reverses its built-in sentence without arguments', async () => {
    expect(await runExample(script)).toEqual({ stdout: 'we love custom providers streams\n', stderr: '', exitCode: 0 });
  });
});
