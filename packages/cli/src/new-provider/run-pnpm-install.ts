import { spawn } from 'node:child_process';
import type { CliIo } from '../cli-io.js';
import { PackageInstallError } from './package-install-error.js';

/**
 * Runs `pnpm install` in the workspace root, its output copied to the command's streams.
 * Throws `PackageInstallError` when pnpm is not on PATH or exits with a failure.
 */
export function runPnpmInstall(workspaceRoot: string, io: Pick<CliIo, 'stdout' | 'stderr' | 'env'>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['install'], { cwd: workspaceRoot, env: io.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT'
          ? `pnpm was not found on PATH; install it (npm install -g pnpm@10), then run pnpm install in ${workspaceRoot}.`
          : `pnpm install could not start (${error.message}); run it yourself in ${workspaceRoot}.`;
      reject(new PackageInstallError(reason, { cause: error }));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new PackageInstallError(`pnpm install failed (${signal ?? `exit code ${code}`}); the package is written: fix what pnpm reported above, then run pnpm install in ${workspaceRoot}.`));
    });
  });
}
