import { defineConfig } from 'tsup';

/** Bundles the test gateway process, with Switchboard's packages from source. */
export default defineConfig({
  entry: { 'gateway-child': 'test/child/gateway-child.ts' },
  outDir: 'node_modules/.cache/switchboard-test-child',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  clean: true,
  splitting: false,
  noExternal: [/^@switchboard\//],
  esbuildOptions(options) {
    options.conditions = ['switchboard-source'];
  },
});
