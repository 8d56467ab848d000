/**
 * Waits `milliseconds` (a turn of the event loop when 0). Resolves `true` when the time
 * passed, `false` as soon as `signal` aborts; no timer outlives the abort.
 */
export function sleepUnlessAborted(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve(true);
    }, milliseconds);
    signal.addEventListener('abort', stop, { once: true });
  });
}
