/**
 * Waits `milliseconds` (a macrotask turn when 0). Resolves `true` when the time elapsed, `false`
 * as soon as `signal` aborts; the timer never outlives the abort.
 */
export function cancellableSleep(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      if (milliseconds > 0) clearTimeout(timer as NodeJS.Timeout);
      else clearImmediate(timer as NodeJS.Immediate);
      resolve(false);
    };
    const onElapsed = () => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    };
    const timer: NodeJS.Timeout | NodeJS.Immediate =
      milliseconds > 0 ? setTimeout(onElapsed, milliseconds) : setImmediate(onElapsed);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
