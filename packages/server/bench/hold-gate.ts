/**
 * Holds answers mid-stream until released, so that many streams can be observed open at once:
 * `wait()` resolves on the next `release()` (at once if the gate is open); `close()` holds again.
 */
export class HoldGate {
  #open = false;
  #waiting: (() => void)[] = [];

  /** How many answers are waiting now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  wait(): Promise<void> {
    if (this.#open) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    this.#open = true;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  close(): void {
    this.#open = false;
  }
}
