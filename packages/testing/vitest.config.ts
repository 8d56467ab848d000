import { defaultServerConditions } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  // test/fixtures holds suites meant to fail; test/conformance-failures.test.ts runs them in a child process.
  test: { testTimeout: 20_000, exclude: [...configDefaults.exclude, 'test/fixtures/**'] },
  ssr: { resolve: { conditions: ['switchboard-source', ...defaultServerConditions] } },
});
