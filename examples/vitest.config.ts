import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Each test starts Node processes; on a loaded machine that alone can take seconds.
    testTimeout: 30_000,
  },
});
