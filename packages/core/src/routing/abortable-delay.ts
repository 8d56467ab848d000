import type { Scheduler } from '../spec/registry-options.js';

/**
 * Resolves after `delayMs` on `scheduler`, or rejects with the signal's reason as soon as
 * it aborts. Leaves no timer or listener behind either way.
 */
export function abortableDelay(delayMs: number, signal: AbortSignal, scheduler: Scheduler): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      scheduler.clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = scheduler.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
