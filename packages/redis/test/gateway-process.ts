import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('../node_modules/.cache/switchboard-test-child/gateway-child.js', import.meta.url));

/** Bundles `test/child/gateway-child.ts` (Switchboard's packages from source) once per test file. */
export function buildGatewayChild(): void {
  const tsup = fileURLToPath(new URL('../../../node_modules/.bin/tsup', import.meta.url));
  execFileSync(tsup, ['--config', 'test/child/tsup.config.ts', '--silent'], {
    cwd: packageDirectory,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Settings of a child gateway; see `test/child/gateway-child.ts`. */
export interface GatewayChildSettings {
  redisUrl: string;
  prefix: string;
  upstream: string;
  leaseTtlMs: number;
  cooldownMs: number;
  maxConcurrency?: number;
}

/** A gateway in its own Node.js process, driven by JSON lines. */
export interface GatewayProcess {
  readonly pid: number;
  /** Sends a command and resolves with the child's answer to it. */
  send(op: 'complete' | 'health' | 'status' | 'exit'): Promise<Record<string, unknown>>;
  /** Sends the signal and waits until the process exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts a child gateway and waits until it is ready and connected to Redis. */
export async function startGatewayProcess(settings: GatewayChildSettings): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, [childScript], {
    env: { ...process.env, CHILD_SETTINGS: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<number, (answer: Record<string, unknown>) => void>();
  let nextId = 0;
  const ready = new Promise<void>((resolve) => waiting.set(0, () => resolve()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const answer = JSON.parse(line) as Record<string, unknown>;
    const id = Number(answer.id);
    waiting.get(id)?.(answer);
    waiting.delete(id);
  });
  const gateway: GatewayProcess = {
    pid: child.pid!,
    send(op) {
      nextId += 1;
      const id = nextId;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.stdin!.write(`${JSON.stringify({ id, op })}\n`);
      });
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await once(child, 'exit');
    },
  };
  await ready;
  for (let attempt = 0; attempt < 200 && (await gateway.send('status')).connected !== true; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return gateway;
}
