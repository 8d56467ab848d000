/** What a bench child process answers: one function per call name. */
export type CallHandlers = Record<string, (argument: unknown) => unknown>;

/**
 * The child side of {@link startChild}: sends `announcement` to the parent, then answers each
 * call with its handler's (awaited) result. The `exit` call runs `onExit` and ends the process.
 */
export function serveCalls(announcement: unknown, handlers: CallHandlers, onExit: () => Promise<void> | void = () => undefined): void {
  if (process.send === undefined) throw new Error('this bench process must be started by run-bench (it needs an IPC channel)');
  process.on('message', (message: { callId?: number; name: string; argument?: unknown }) => {
    if (message.name === 'exit') {
      void Promise.resolve(onExit()).finally(() => process.exit(0));
      return;
    }
    const handler = handlers[message.name];
    const send = (reply: object) => process.send?.({ callId: message.callId, ...reply });
    if (handler === undefined) {
      send({ error: `no call named ${message.name}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.argument))
      .then(
        (value) => send({ value }),
        (error: unknown) => send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.on('disconnect', () => void Promise.resolve(onExit()).finally(() => process.exit(0)));
  process.send({ announce: announcement });
}
