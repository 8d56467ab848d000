import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const probeFolder = fileURLToPath(new URL('../test/esbuild-probe', import.meta.url));
const outDir = fileURLToPath(new URL('../node_modules/.esbuild-probe', import.meta.url));

describe('settings injection in builds with and without decorator metadata', () => {
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it.each([
    ['esbuild, no decorator metadata', `${probeFolder}/tsconfig.json`],
    ['swc, decorator metadata emitted', `${packageRoot}/tsconfig.json`],
  ])('gives a constructor-less subclass the settings each registry holds under its name (%s)', async (_build, tsconfig) => {
    await build({
      entry: { probe: `${probeFolder}/probe.ts` },
      outDir,
      format: ['esm'],
      target: 'node20',
      platform: 'node',
      tsconfig,
      noExternal: [/^@switchboard\//],
      esbuildOptions(options) {
        options.conditions = ['switchboard-source'];
      },
      silent: true,
      config: false,
    });
    const { stdout } = await promisify(execFile)(process.execPath, [`${outDir}/probe.js`], { cwd: packageRoot });
    expect(JSON.parse(stdout)).toEqual({
      ownParamTypes: null,
      global: { baseUrl: 'http://127.0.0.1:9/configured', apiKey: 'probe-key' },
      isolated: { baseUrl: 'http://127.0.0.1:9/isolated', apiKey: null },
    });
  }, 60_000);
});
