import { spawn } from 'node:child_process';

/** How an example process ended and what it printed. */
export interface ExampleRun {
  stdout: string;
  stderr: string;
  /** The exit code, or `null` when a signal ended the process. */
  exitCode: number | null;
}

/** Options of {@link runExample}. */
export interface RunExampleOptions {
  /** Command-line arguments after the script. Default: none. */
  args?: readonly string[];
  /** Environment variables added to (or, when `undefined`, removed from) the test's own. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The process is killed and the run rejected after this long. Default 20000. */
  timeoutMs?: number;
}

/**
 * Runs `node <script> [...args]` as a child process and resolves once it has exited, whatever
 * its exit code. A process still running after `timeoutMs` is killed, and the run rejects with
 * an error quoting what it printed so far.
 */
export function runExample(script: string, options: RunExampleOptions = {}): Promise<ExampleRun> {
  const { args = [], env = {}, timeoutMs = 20_000 } = options;
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} was still running after ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode });
    });
  });
}
