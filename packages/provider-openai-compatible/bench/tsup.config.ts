import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    'run-bench': 'bench/run-bench.ts',
    'bench-server': 'bench/bench-server.ts',
    'workers/read-bytes': 'bench/workers/read-bytes.ts',
    'workers/switchboard-provider': 'bench/workers/switchboard-provider.ts',
    'workers/openai-client': 'bench/workers/openai-client.ts',
    'workers/ai-sdk': 'bench/workers/ai-sdk.ts',
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
