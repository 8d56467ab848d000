import { defineConfig, mergeConfig } from 'vitest/config';
import baseConfig from './vitest.config.js';

/** The soak: its own script (`pnpm test:soak`), never part of `vitest run`. */
export default mergeConfig(
  baseConfig,
  defineConfig({
    test: {
      include: ['test/soak/**/*.soak.ts'],
      testTimeout: 180_000,
    },
  }),
);
