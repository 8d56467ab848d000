import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const corePackage = fileURLToPath(new URL('../../core', import.meta.url));
const echoProvider = fileURLToPath(new URL('./fixtures/echo-provider.mjs', import.meta.url));

/** A throwaway project directory where provider modules can import `@switchboard/core`. */
export interface TempProject {
  readonly directory: string;
  /** Writes a file (JSON for objects) at a path relative to the project; returns its absolute path. */
  write(path: string, content: string | object): Promise<string>;
  /** Copies the echo provider module (provider `TestEcho`, model `echo-1`, alias `echo`) to `path`. */
  addEchoProvider(path: string): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a project in the temporary directory, with `@switchboard/core` linked into its node_modules. */
export async function createTempProject(): Promise<TempProject> {
  const directory = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  await mkdir(join(directory, 'node_modules', '@switchboard'), { recursive: true });
  await symlink(corePackage, join(directory, 'node_modules', '@switchboard', 'core'), 'dir');
  const write = async (path: string, content: string | object) => {
    const file = join(directory, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };
  return {
    directory,
    write,
    async addEchoProvider(path) {
      const file = await write(path, '');
      await copyFile(echoProvider, file);
      return file;
    },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
