import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const builtFiles = ['core/dist/index.js', 'server/dist/index.js', 'provider-qwen2-72b/dist/testing.js', 'gradio-emulator/dist/index.js', 'testing/dist/index.js', 'provider-openai-compatible/dist/index.js', 'redis/dist/index.js'];

/** Vitest global setup: builds the command once, after checking its dependencies are built. */
export default function buildCli(): void {
  const unbuilt = builtFiles.filter((file) => !existsSync(new URL(`../../${file}`, import.meta.url)));
  if (unbuilt.length > 0) {
    throw new Error(
      `The command's tests run the built packages; ${unbuilt.join(', ')} ${unbuilt.length === 1 ? 'is' : 'are'} missing: pnpm turbo run build --filter=@switchboard/cli^...`,
    );
  }
  const tsup = fileURLToPath(new URL('../../../node_modules/.bin/tsup', import.meta.url));
  execFileSync(tsup, ['--silent'], { cwd: packageDirectory, stdio: ['ignore', 'ignore', 'inherit'] });
}
