import { defineConfig } from 'tsup';

/** Bundles the benchmark, with Switchboard's packages from source (no build needed first). */
export default defineConfig({
  entry: { 'run-bench': 'bench/run-bench.ts' },
  outDir: 'bench/dist',
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
