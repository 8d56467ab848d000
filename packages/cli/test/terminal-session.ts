import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cliPath } from './cli-process.js';

const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * The command run on a pseudo-terminal (through util-linux `script`), so that it sees a
 * terminal on standard input and output. Keys are written as the terminal would send them.
 */
export class TerminalSession {
  readonly child: ChildProcessWithoutNullStreams;
  screen = '';
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], options: { cwd: string }) {
    const command = [process.execPath, cliPath, ...args].map(shellQuote).join(' ');
    this.child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, TERM: 'dumb', QWEN2_72B_URL: '' },
    });
    this.child.stdout.setEncoding('utf8').on('data', (text: string) => (this.screen += text));
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => resolve(code));
    });
  }

  /** Types `keys` (use `\r` for Enter, `\x03` for Ctrl-C, `\x04` for Ctrl-D). */
  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Resolves once the screen output after `from` matches `pattern`; rejects if the session ends first. */
  waitFor(pattern: RegExp, from = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(this.screen.slice(from))) return false;
        this.child.stdout.off('data', check);
        resolve();
        return true;
      };
      this.child.stdout.on('data', check);
      if (check()) return;
      this.exited.then(() => {
        if (!check()) reject(new Error(`The session ended before ${pattern} appeared: ${JSON.stringify(this.screen)}`));
      }, reject);
    });
  }

  /** Ends the session if it is still running. */
  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
