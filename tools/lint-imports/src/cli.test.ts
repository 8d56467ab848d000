import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanTree, createTreeWriter } from '../test-support/write-tree.js';

const trees = createTreeWriter();
afterEach(() => trees.removeAll());

const cliPath = fileURLToPath(new URL('./cli.mjs', import.meta.url));

async function runCli(root: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cliPath, root]);
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

describe('lint-imports command', () => {
  it('prints one line per violation and a summary, and exits 1', async () => {
    const root = trees.write({
      ...cleanTree,
      'packages/core/src/routing/route.ts': "import { injectable } from 'tsyringe';\nimport { createRegistry } from '../registry/create-registry.js';\nexport const route = [injectable, createRegistry];\n",
    });
    const { code, stdout } = await runCli(root);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'packages/core/src/routing/route.ts:1  restricted-module  in @switchboard/core only src/registry/ may import tsyringe: go through what those folders export',
      "packages/core/src/routing/route.ts:2  core-folder  routing/ may not import registry/ ('../registry/create-registry.js'); routing/ may import spec/, errors/, messages/, stream/, metadata/, mixins/, request/ (table: folderLayers in tools/lint-imports/src/import-rules.mjs)",
      'lint-imports: 2 violations in 1 file (16 files, 22 imports)',
    ]);
  });

  it('prints a summary alone and exits 0 on a clean tree', async () => {
    const { code, stdout } = await runCli(trees.write(cleanTree));
    expect(code).toBe(0);
    expect(stdout).toBe('lint-imports: no violations (15 files, 20 imports)\n');
  });
});
