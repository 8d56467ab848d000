import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { sendRedisCommand } from './send-redis-command.js';

/** A `redis-server` of a test's own, on a free loopback port, without persistence. */
export interface TestRedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`, for `createRedisRoutingStore({ url })` or `switchboard serve --redis`. */
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s); `start()` brings it back on the same port, empty. */
  stop(): Promise<void>;
  /** Starts the server unless it runs, and waits until it answers PING. */
  start(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers. */
  pause(): void;
  /** Lets a paused server answer again (SIGCONT). */
  resume(): void;
  /** The keys matching a glob `pattern` (default every key), sorted. */
  keys(pattern?: string): Promise<string[]>;
}

const startTimeoutMs = 10_000;

/**
 * Starts `redis-server --port N --bind 127.0.0.1 --save '' --appendonly no` on a free port
 * and resolves once it answers PING. Needs `redis-server` on the PATH (Debian and Ubuntu:
 * `apt-get install redis-server`). Call `stop()` when the test ends.
 */
export async function startRedisServer(): Promise<TestRedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: TestRedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child !== undefined && child.exitCode === null && child.signalCode === null) return;
      child = spawnRedis(port);
      await waitForPong(port, child);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
      running.kill('SIGCONT');
      running.kill('SIGTERM');
      const killer = setTimeout(() => running.kill('SIGKILL'), 2_000);
      await once(running, 'exit');
      clearTimeout(killer);
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async keys(pattern = '*') {
      const reply = await sendRedisCommand(port, ['KEYS', pattern]);
      if (!Array.isArray(reply)) throw new Error(`KEYS answered ${JSON.stringify(reply)} instead of a list.`);
      return reply.map(String).sort();
    },
  };
  await server.start();
  return server;
}

function spawnRedis(port: number): ChildProcess {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  return child;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('No loopback port was free.');
  return address.port;
}

async function waitForPong(port: number, child: ChildProcess): Promise<void> {
  const spawnFailure = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    const failure = await Promise.race([spawnFailure, Promise.resolve(undefined)]);
    if (failure !== undefined) {
      throw new Error(`Cannot start redis-server (${failure.message}); install it, e.g. apt-get install redis-server.`);
    }
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}; is port ${port} taken?`);
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server on port ${port} did not answer PING within ${startTimeoutMs / 1000} s.`);
}

async function answersPing(port: number): Promise<boolean> {
  try {
    return (await sendRedisCommand(port, ['PING'], 500)) === 'PONG';
  } catch {
    return false;
  }
}
