import type { CommandContext } from '../command-context.js';

/** The stop signals a server waits for. */
export interface StopSignals {
  /** Resolves with the name of the first SIGINT or SIGTERM. */
  first: Promise<string>;
  /** Resolves with the name of the one after it. */
  second: Promise<string>;
  /** Stops listening. */
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM from now on: the first asks for a graceful stop, the second for an immediate one. */
export function waitForStopSignal(signals: CommandContext['signals']): StopSignals {
  const received: Array<(name: string) => void> = [];
  const first = new Promise<string>((resolve) => received.push(resolve));
  const second = new Promise<string>((resolve) => received.push(resolve));
  let count = 0;
  const onSignal = (name: string) => received[count++]?.(name);
  const onInterrupt = () => onSignal('SIGINT');
  const onTerminate = () => onSignal('SIGTERM');
  signals.on('SIGINT', onInterrupt);
  signals.on('SIGTERM', onTerminate);
  return {
    first,
    second,
    dispose() {
      signals.off('SIGINT', onInterrupt);
      signals.off('SIGTERM', onTerminate);
    },
  };
}
