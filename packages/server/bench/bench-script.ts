import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const distFolder = dirname(fileURLToPath(import.meta.url));

/** The path of a built bench entry, e.g. `benchScript('workers/answer-reader')`. */
export function benchScript(name: string): string {
  return join(distFolder, `${name}.js`);
}

/** Where `BENCH_CPU_PROF=1` writes the gateway's CPU profiles (inside the build, so git ignores them and the next build clears them). */
export const profileFolder = join(distFolder, 'profiles');
