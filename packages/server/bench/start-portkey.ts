import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { benchScript } from './bench-script.js';

/** The peer gateway `@portkey-ai/gateway`, running in a process of its own. */
export interface PortkeyGateway {
  /** Its root URL on loopback, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The errors it printed so far: how many lines mention one, and the first few (each with its next line). */
  errors(): { count: number; first: string[] };
  stop(): Promise<void>;
}

/** How the peer is started: as shipped, or with the platform's `Response` put back. */
export type PortkeyVariant = 'stock' | 'native-response';

const readyLimitMs = 30_000;
const keptTailChars = 4_096;
const keptErrors = 3;

/** The path of the peer's Node server entry, or `undefined` when the package is not installed. */
export function portkeyServerEntry(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@portkey-ai/gateway/build/start-server.js');
  } catch {
    return undefined;
  }
}

/**
 * Starts the peer on a free loopback port with `--port=N --headless` and waits until
 * `GET /` answers. It binds every interface (it has no host option); the bench only
 * talks to it on 127.0.0.1.
 */
export async function startPortkey(entry: string, variant: PortkeyVariant): Promise<PortkeyGateway> {
  const port = await freePort();
  const args = variant === 'stock' ? [entry] : [benchScript('portkey-with-native-response'), entry];
  const child = spawn(process.execPath, [...args, `--port=${port}`, '--headless'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputErrors();
  child.stdout!.setEncoding('utf8').on('data', (text: string) => output.add(text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => output.add(text));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, () => output.tail);
  return {
    url,
    errors: () => ({ count: output.count, first: output.first }),
    stop: () => stopChild(child),
  };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const startedAt = Date.now();
  while (Date.now() - startedAt < readyLimitMs) {
    if (child.exitCode !== null) throw new Error(`the peer gateway exited (${child.exitCode}) before it was ready: ${output().slice(-2_000)}`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the peer gateway did not answer on ${url} within ${readyLimitMs / 1000} s: ${output().slice(-2_000)}`);
}

/** Reads a process's output line by line: counts the lines that mention an error and keeps the first few. */
class OutputErrors {
  count = 0;
  readonly first: string[] = [];
  /** The last characters printed, for a failure to start. */
  tail = '';
  #partial = '';
  /** Whether the next line completes the error kept last. */
  #completeLast = false;

  add(text: string): void {
    this.tail = (this.tail + text).slice(-keptTailChars);
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop()!;
    for (const rawLine of lines) {
      const line = rawLine.trim();
      if (this.#completeLast) this.first[this.first.length - 1] += ` ${line}`;
      this.#completeLast = false;
      if (!/error/i.test(line) || line.startsWith('at ')) continue;
      this.count++;
      if (this.first.length >= keptErrors) continue;
      this.first.push(line);
      this.#completeLast = true;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
