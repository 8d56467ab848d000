import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    // The command-line tests run the built command in child processes; one build first.
    globalSetup: ['./test/build-cli.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
  ssr: { resolve: { conditions: ['switchboard-source', ...defaultServerConditions] } },
});
