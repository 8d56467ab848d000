import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    'run-bench': 'bench/run-bench.ts',
    'qwen-space-process': 'bench/qwen-space-process.ts',
    'openai-upstream-process': 'bench/openai-upstream-process.ts',
    'gateway-process': 'bench/gateway-process.ts',
    'portkey-with-native-response': 'bench/portkey-with-native-response.ts',
    'workers/answer-reader': 'bench/workers/answer-reader.ts',
    'workers/stream-holder': 'bench/workers/stream-holder.ts',
    'workers/load-client': 'bench/workers/load-client.ts',
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
