import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: { testTimeout: 20_000 },
  ssr: { resolve: { conditions: ['switchboard-source', ...defaultServerConditions] } },
});
