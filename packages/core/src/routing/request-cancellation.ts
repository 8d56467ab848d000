import { AbortError } from '../errors/abort-error.js';
import { TimeoutError } from '../errors/timeout-error.js';

/**
 * The signal of one routed request: it aborts with an `AbortError` when the caller's
 * signal aborts and with a `TimeoutError('total')` when the total budget runs out.
 * `dispose()` clears the timer and the caller listener.
 */
export class RequestCancellation {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(callerSignal: AbortSignal | undefined, totalMs: number) {
    this.#callerSignal = callerSignal;
    this.#onCallerAbort = () => this.#stop(new AbortError(callerSignal?.reason));
    if (callerSignal?.aborted) this.#onCallerAbort();
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
    if (!this.signal.aborted && totalMs > 0 && Number.isFinite(totalMs)) {
      this.#timer = setTimeout(() => this.#stop(new TimeoutError('total', totalMs)), totalMs);
    }
  }

  /** Aborts when the request must stop; its reason is the error to report. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }

  #stop(reason: AbortError | TimeoutError): void {
    this.dispose();
    this.#controller.abort(reason);
  }
}
