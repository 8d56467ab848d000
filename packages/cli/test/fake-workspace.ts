import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A package.json of the fake workspace. */
export type FakeManifest = { name: string } & Record<string, unknown>;

/** The Switchboard packages the templates build on, with third-party versions that differ from the templates' pins. */
export const fakeSwitchboardPackages: Record<string, FakeManifest> = {
  'packages/core': { name: '@switchboard/core', dependencies: { 'reflect-metadata': '0.2.1', tsyringe: '4.10.0' } },
  'packages/gradio': { name: '@switchboard/gradio', dependencies: { '@switchboard/core': 'workspace:*', undici: '7.29.0' } },
  'packages/gradio-emulator': { name: '@switchboard/gradio-emulator', dependencies: { '@switchboard/gradio': 'workspace:*' } },
  'packages/provider-openai-compatible': { name: '@switchboard/provider-openai-compatible', dependencies: { 'reflect-metadata': '0.2.1', undici: '7.29.0' } },
  'packages/testing': { name: '@switchboard/testing', devDependencies: { undici: '7.29.0' } },
};

/** A throwaway pnpm workspace: `pnpm-workspace.yaml`, `tsconfig.base.json`, a root package.json and package manifests, nothing installed. */
export interface FakeWorkspace {
  readonly root: string;
  /** Writes a file (JSON for objects) at a path relative to the root; returns its absolute path. */
  write(path: string, content: string | object): Promise<string>;
  /** A file's text, by path relative to the root. */
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a fake workspace in the temporary folder with `packages` (default: {@link fakeSwitchboardPackages}) under the `patterns` globs. */
export async function createFakeWorkspace(
  options: { packages?: Record<string, FakeManifest>; patterns?: string[] } = {},
): Promise<FakeWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'switchboard-new-provider-'));
  const write = async (path: string, content: string | object) => {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
    return file;
  };
  const patterns = options.patterns ?? ['packages/*', 'examples'];
  await write('pnpm-workspace.yaml', `packages:\n${patterns.map((pattern) => `  - '${pattern}'\n`).join('')}`);
  await write('tsconfig.base.json', { compilerOptions: { strict: true } });
  await write('package.json', { name: 'fake-workspace', private: true, devDependencies: { vitest: '4.1.12' } });
  for (const [path, manifest] of Object.entries(options.packages ?? fakeSwitchboardPackages)) await write(`${path}/package.json`, manifest);
  return { root, write, read: (path) => readFile(join(root, path), 'utf8'), remove: () => rm(root, { recursive: true, force: true }) };
}
