import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';
import { runBundledProbe } from './run-bundled-probe.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const probeFolder = fileURLToPath(new URL('../../test/bundled-probe', import.meta.url));

async function leftoverBundles(): Promise<string[]> {
  const entries = await readdir(`${packageRoot}/node_modules`);
  return entries.filter((entry) => entry.startsWith('.bundled-probe-'));
}

describe('runBundledProbe', () => {
  it.each([
    ['esbuild emits no decorator metadata', `${probeFolder}/tsconfig.json`, null],
    ['swc emits decorator metadata', `${packageRoot}/tsconfig.json`, ['Clock']],
  ])('bundles and runs the probe, returning what it printed (%s)', async (_build, tsconfig, paramTypes) => {
    const printed = await runBundledProbe(build, { entry: `${probeFolder}/paramtypes-probe.ts`, tsconfig, packageRoot });
    expect(printed).toEqual({ paramTypes });
    expect(await leftoverBundles()).toEqual([]);
  }, 60_000);

  it('says what the probe printed when it is not JSON', async () => {
    const running = runBundledProbe(build, { entry: `${probeFolder}/silent-probe.ts`, tsconfig: `${probeFolder}/tsconfig.json`, packageRoot });
    await expect(running).rejects.toThrow(/silent-probe\.ts must print one JSON value on stdout; it printed: not json/);
    expect(await leftoverBundles()).toEqual([]);
  }, 60_000);
});
