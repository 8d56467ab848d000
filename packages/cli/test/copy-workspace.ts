import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const leftOut = new Set(['node_modules', 'dist', '.turbo', '.git', 'coverage']);

/**
 * Copies the workspace at `root` into a new temporary folder, without dependencies, build
 * output, caches or git metadata (the work tree as it is, uncommitted files included), and
 * returns the copy's path.
 */
export async function copyWorkspace(root: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'switchboard-workspace-'));
  await cp(root, copy, { recursive: true, filter: (source) => !leftOut.has(basename(source)) });
  return copy;
}
