import { fileURLToPath } from 'node:url';
import { runBundledProbe } from '@switchboard/testing';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const probeFolder = fileURLToPath(new URL('../test/esbuild-probe', import.meta.url));

describe('settings injection in builds with and without decorator metadata', () => {
  it.each([
    ['esbuild, no decorator metadata', `${probeFolder}/tsconfig.json`],
    ['swc, decorator metadata emitted', `${packageRoot}/tsconfig.json`],
  ])('gives a constructor-less subclass the settings each registry holds under its name (%s)', async (_build, tsconfig) => {
    expect(await runBundledProbe(build, { entry: `${probeFolder}/probe.ts`, tsconfig, packageRoot })).toEqual({
      ownParamTypes: null,
      global: { baseUrl: 'http://127.0.0.1:9/configured', apiKey: 'probe-key' },
      isolated: { baseUrl: 'http://127.0.0.1:9/isolated', apiKey: null },
    });
  }, 60_000);
});
