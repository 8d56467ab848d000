import { spawn } from 'node:child_process';

/** How a process run by {@link runProcess} ended. */
export interface ProcessResult {
  /** Exit code; `null` when it was killed. */
  code: number | null;
  /** Standard output and standard error, interleaved as they arrived, colours removed. */
  output: string;
  timedOut: boolean;
}

/**
 * Runs a command to its end in its own process group, with colours off and vitest's own
 * variables removed from its environment. When `timeoutMs` passes, the whole group is killed;
 * so is anything of the group still running once the command has exited.
 */
export function runProcess(command: string, args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<ProcessResult> {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR'));
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...environment, NO_COLOR: '1', TURBO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let timedOut = false;
  const append = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has already ended.
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, Math.max(0, options.timeoutMs));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, ''), timedOut });
    });
  });
}
