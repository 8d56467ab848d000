import { fork, type ChildProcess } from 'node:child_process';

/** A bench process started with an IPC channel: it announces itself once, then answers calls. */
export interface ChildNode<Announcement> {
  readonly child: ChildProcess;
  /** The first message the process sent (its URL, say). */
  readonly announced: Promise<Announcement>;
  /** Sends one call and resolves with the process's reply to it. */
  call<Reply>(name: string, argument?: unknown): Promise<Reply>;
  /** Asks the process to exit and waits (at most `graceMs`, then kills it). */
  stop(graceMs?: number): Promise<void>;
}

interface ReplyMessage {
  callId: number;
  value?: unknown;
  error?: string;
}

/**
 * Starts `node script ...args` with stdout and stderr shown and an IPC channel, as
 * {@link serveCalls} in the child expects. `nodeOptions` go before the script (e.g.
 * `--cpu-prof`).
 */
export function startChild<Announcement>(script: string, args: readonly string[] = [], nodeOptions: readonly string[] = []): ChildNode<Announcement> {
  const child = fork(script, [...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...nodeOptions] });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextCallId = 1;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const announced = new Promise<Announcement>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { announce: Announcement }).announce));
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`${script} exited (${signal ?? code}) before it was ready`)));
  });
  child.on('message', (message) => {
    const reply = message as Partial<ReplyMessage>;
    if (typeof reply.callId !== 'number') return;
    const waiting = pending.get(reply.callId);
    pending.delete(reply.callId);
    if (reply.error !== undefined) waiting?.reject(new Error(`${script}: ${reply.error}`));
    else waiting?.resolve(reply.value);
  });
  child.once('exit', (code, signal) => {
    exited = true;
    for (const waiting of pending.values()) waiting.reject(new Error(`${script} exited (${signal ?? code}) during a call`));
    pending.clear();
  });
  return {
    child,
    announced,
    call<Reply>(name: string, argument?: unknown) {
      if (exited) return Promise.reject(new Error(`${script} has exited`));
      const callId = nextCallId++;
      return new Promise<Reply>((resolve, reject) => {
        pending.set(callId, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ callId, name, argument });
      });
    },
    async stop(graceMs = 5_000) {
      if (exited) return;
      if (child.connected) child.send({ name: 'exit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}
