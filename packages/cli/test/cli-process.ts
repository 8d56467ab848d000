import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command. */
export const cliPath = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** How a finished command run ended. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options for starting the command. */
export interface CliRunOptions {
  cwd?: string;
  /** Written to standard input, which is then closed; without it standard input is closed at once. */
  input?: string;
  /** Added to the environment (QWEN2_72B_URL and SWITCHBOARD_API_KEYS are cleared unless given). */
  env?: Record<string, string>;
}

/** A running command with its output so far. */
export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<CliResult>;

  constructor(args: readonly string[], options: CliRunOptions = {}) {
    this.child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd,
      env: { ...process.env, QWEN2_72B_URL: '', SWITCHBOARD_API_KEYS: '', ...options.env },
    });
    this.child.stdout.setEncoding('utf8').on('data', (text: string) => (this.stdout += text));
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    this.child.stdin.end(options.input);
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }));
    });
  }

  /** Resolves with standard output once it matches `pattern`; rejects if the command exits first. */
  async waitForStdout(pattern: RegExp): Promise<RegExpMatchArray> {
    return waitFor(this.child.stdout, () => this.stdout.match(pattern), this.exited, () => `stdout ${JSON.stringify(this.stdout)}, stderr ${JSON.stringify(this.stderr)}`);
  }

  /** Kills the command if it still runs. */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Runs the command to its end. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  return new CliProcess(args, options).exited;
}

/** Starts `switchboard serve` with `args` and resolves with the process and the URL it printed. */
export async function startServe(args: readonly string[], options: CliRunOptions = {}): Promise<{ cli: CliProcess; url: string }> {
  const cli = new CliProcess(['serve', '--port', '0', ...args], options);
  const [, url] = await cli.waitForStdout(/^Switchboard listening on (http:\/\/\S+)\n/);
  return { cli, url: url! };
}

function waitFor<T>(
  stream: NodeJS.ReadableStream,
  check: () => T | null | undefined,
  exited: Promise<CliResult>,
  describe: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const found = check();
      if (found === null || found === undefined) return;
      stream.off('data', onData);
      resolve(found);
    };
    stream.on('data', onData);
    onData();
    exited.then(() => {
      stream.off('data', onData);
      const found = check();
      if (found === null || found === undefined) reject(new Error(`The command exited before its output matched: ${describe()}`));
      else resolve(found);
    }, reject);
  });
}
