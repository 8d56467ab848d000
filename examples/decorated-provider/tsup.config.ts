import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the decorated provider example to `decorated-provider/dist/main.js`: tsup compiles
 * the decorators (with `@swc/core`, as the examples' tsconfig asks for decorator metadata)
 * and leaves `@switchboard/*` external, so they load from their own builds.
 */
export default defineConfig({
  entry: { main: file('./main.ts') },
  outDir: file('./dist'),
  tsconfig: file('../tsconfig.json'),
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outExtension: () => ({ js: '.js' }),
  external: [/^@switchboard\//],
  clean: true,
});
