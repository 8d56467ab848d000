import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    'run-bench': 'bench/run-bench.ts',
    'bench-server': 'bench/bench-server.ts',
    'workers/read-bytes': 'bench/workers/read-bytes.ts',
    'workers/parse-floor': 'bench/workers/parse-floor.ts',
    'workers/switchboard-client': 'bench/workers/switchboard-client.ts',
    'workers/official-client': 'bench/workers/official-client.ts',
  },
  outDir: 'bench/dist',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  dts: false,
  sourcemap: true,
  splitting: false,
  skipNodeModulesBundle: true,
});
