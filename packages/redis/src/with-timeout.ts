/** Raised when Redis did not answer within the operation timeout. */
export class RedisTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = 'RedisTimeoutError';
  }
}

/**
 * `promise`, or a `RedisTimeoutError` after `timeoutMs`; the timer never keeps the process
 * alive. When the timer fires, replies already received but not yet read (the event loop
 * was busy) are read first: the verdict waits for the I/O phase of the same loop turn, so
 * the timeout measures Redis rather than this process.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (!settled) reject(new RedisTimeoutError(timeoutMs));
        settled = true;
      });
    }, timeoutMs);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (!settled) resolve(value);
        settled = true;
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!settled) reject(error);
        settled = true;
      },
    );
  });
}
