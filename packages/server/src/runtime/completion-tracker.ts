import { GatewayBusyError } from '../errors/gateway-busy-error.js';
import { GatewayClosingError } from '../errors/gateway-closing-error.js';

/** One chat completion being served; `release()` it exactly once when it ends. */
export interface CompletionLease {
  /** Aborted when the gateway closes past its grace period (reason: `GatewayClosingError`). */
  readonly signal: AbortSignal;
  release(): void;
}

/** How long aborted completions get to write their error event before close moves on. */
const abortSettleMs = 2_000;

/**
 * Counts the chat completions in flight, enforces the concurrency cap, and closes
 * gracefully: after `drain()` starts, new completions are refused; those open get the
 * grace period, then their signals abort.
 */
export class CompletionTracker {
  readonly #limit: number;
  readonly #open = new Set<AbortController>();
  #closing = false;
  #onEmpty: (() => void) | undefined;

  constructor(limit = Infinity) {
    this.#limit = limit;
  }

  get openCount(): number {
    return this.#open.size;
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Admits one completion, or throws `GatewayClosingError` / `GatewayBusyError`. */
  admit(): CompletionLease {
    if (this.#closing) throw new GatewayClosingError();
    if (this.#open.size >= this.#limit) throw new GatewayBusyError(this.#limit);
    const controller = new AbortController();
    this.#open.add(controller);
    let released = false;
    return {
      signal: controller.signal,
      release: () => {
        if (released) return;
        released = true;
        this.#open.delete(controller);
        if (this.#open.size === 0) this.#onEmpty?.();
      },
    };
  }

  /**
   * Refuses new completions, waits up to `graceMs` for the open ones to end, then aborts
   * the rest and waits (briefly) for them to report the abort.
   */
  async drain(graceMs: number): Promise<void> {
    this.#closing = true;
    if (await this.#emptyWithin(graceMs)) return;
    const reason = new GatewayClosingError();
    for (const controller of this.#open) controller.abort(reason);
    await this.#emptyWithin(abortSettleMs);
  }

  #emptyWithin(timeoutMs: number): Promise<boolean> {
    if (this.#open.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), Math.max(0, timeoutMs));
      const finish = (empty: boolean) => {
        clearTimeout(timer);
        this.#onEmpty = undefined;
        resolve(empty);
      };
      this.#onEmpty = () => finish(true);
    });
  }
}
