import { fileURLToPath } from 'node:url';
import { runBundledProbe } from '@switchboard/testing';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const probeFolder = fileURLToPath(new URL('../test/esbuild-probe', import.meta.url));

describe('settings injection in a build without decorator metadata', () => {
  it('configures the provider through its explicit token when esbuild emits no design:paramtypes', async () => {
    const printed = await runBundledProbe(build, { entry: `${probeFolder}/probe.ts`, tsconfig: `${probeFolder}/tsconfig.json`, packageRoot });
    expect(printed).toEqual({ paramTypes: null, baseUrl: 'http://127.0.0.1:9/space' });
  }, 60_000);
});
