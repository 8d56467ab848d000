/**
 * Waits `delayMs` milliseconds: `0` (or less) waits one timer turn, `Infinity` waits until
 * `signal` aborts. Resolves `true` when the time elapsed and `false` as soon as `signal`
 * aborts (at once when it already has); no timer or listener outlives the wait.
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
