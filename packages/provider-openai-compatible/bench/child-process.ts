import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts `node script` with stderr shown; `firstLine` resolves with its first line of stdout. */
export function startNode(script: string): { child: ChildProcess; firstLine: Promise<string> } {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`${script} exited (${signal ?? code}) before it reported`)));
  });
  return { child, firstLine };
}

/** Runs `node script ...args` to its end and resolves with its last line of stdout; rejects when it fails. */
export function runNode(script: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(output.trimEnd().split('\n').at(-1) ?? '');
      else reject(new Error(`${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
