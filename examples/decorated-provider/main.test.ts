import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const config = fileURLToPath(new URL('./tsup.config.ts', import.meta.url));
const outDir = fileURLToPath(new URL('../node_modules/.decorated-provider-build', import.meta.url));

describe('decorated provider example', () => {
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('builds with its tsup config and runs: the decorator registered Shouty and its settings arrived by token', async () => {
    await build({ config, outDir, silent: true });
    expect(await runExample(`${outDir}/main.js`)).toEqual({
      stdout: 'HELLO THERE!!!\n(stop, 2 words)\n',
      stderr: '',
      exitCode: 0,
    });
  }, 60_000);
});
