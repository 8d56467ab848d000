import { AbortError } from '../errors/abort-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { Scheduler } from '../spec/registry-options.js';

/**
 * The signal of one routed request: it aborts with an `AbortError` when the caller's
 * signal aborts and with a `TimeoutError('total')` when the total budget runs out on
 * `scheduler`. `dispose()` clears the timer and the caller listener.
 */
export class RequestCancellation {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  readonly #scheduler: Scheduler;
  readonly #onCallerAbort: () => void;
  #timer: unknown;

  constructor(callerSignal: AbortSignal | undefined, totalMs: number, scheduler: Scheduler) {
    this.#callerSignal = callerSignal;
    this.#scheduler = scheduler;
    this.#onCallerAbort = () => this.#stop(new AbortError(callerSignal?.reason));
    if (callerSignal?.aborted) this.#onCallerAbort();
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
    if (!this.signal.aborted && totalMs > 0 && Number.isFinite(totalMs)) {
      this.#timer = scheduler.setTimeout(() => this.#stop(new TimeoutError('total', totalMs)), totalMs);
    }
  }

  /** Aborts when the request must stop; its reason is the error to report. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  dispose(): void {
    if (this.#timer !== undefined) this.#scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }

  #stop(reason: AbortError | TimeoutError): void {
    this.dispose();
    this.#controller.abort(reason);
  }
}
