/**
 * Waits `delayMs` milliseconds: `0` (or less) waits one event-loop turn (`setImmediate`, so a
 * server writing many pieces without delay is not held to the timers' 1 ms floor), `Infinity`
 * waits until `signal` aborts. Resolves `true` when the time elapsed and `false` as soon as
 * `signal` aborts (at once when it already has); no timer or listener outlives the wait.
 */
export function waitUnlessAborted(delayMs: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const cancel = schedule(delayMs, onElapsed);
    signal.addEventListener('abort', onAbort, { once: true });
    function onAbort() {
      cancel();
      resolve(false);
    }
    function onElapsed() {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }
  });
}

function schedule(delayMs: number, callback: () => void): () => void {
  if (!Number.isFinite(delayMs)) return () => undefined;
  if (delayMs <= 0) {
    const immediate = setImmediate(callback);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
}
