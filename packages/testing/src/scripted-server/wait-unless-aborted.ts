/**
 * Waits `delayMs` (forever when `Infinity`). Resolves `true` when the time elapsed, `false`
 * as soon as `signal` aborts; no timer outlives the abort.
 */
export function waitUnlessAborted(delayMs: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = Number.isFinite(delayMs) ? setTimeout(onElapsed, Math.max(0, delayMs)) : undefined;
    signal.addEventListener('abort', onAbort, { once: true });
    function onAbort() {
      clearTimeout(timer);
      resolve(false);
    }
    function onElapsed() {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }
  });
}
