import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../../node_modules/.injection-guard', import.meta.url));

describe('constructor injection in the tsup build', () => {
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('emits design:paramtypes so tsyringe injects by type at run time', async () => {
    await build({
      entry: { 'injected-provider': 'test/fixtures/injected-provider.ts' },
      outDir,
      format: ['esm'],
      target: 'node20',
      platform: 'node',
      tsconfig: `${packageRoot}/tsconfig.json`,
      external: ['tsyringe', 'reflect-metadata'],
      silent: true,
      config: false,
    });
    const { stdout } = await promisify(execFile)(process.execPath, [`${outDir}/injected-provider.js`], {
      cwd: packageRoot,
    });
    expect(JSON.parse(stdout)).toEqual({ answer: 'It is noon.', paramTypes: ['Clock'] });
  }, 60_000);
});
