/** Counts streaming responses and wakes whoever waits for one to close. */
export class StreamCounter {
  open = 0;
  closed = 0;
  #awaitedCloses = 0;
  #waiters: Array<() => void> = [];

  opened(): void {
    this.open += 1;
  }

  closedOne(): void {
    this.open -= 1;
    this.closed += 1;
    const waiters = this.#waiters.splice(0);
    if (waiters.length > 0) this.#awaitedCloses = this.closed;
    for (const wake of waiters) wake();
  }

  /** The close of the stream open now, else a close nobody awaited yet, else the next close. */
  nextClose(): Promise<void> {
    if (this.open === 0 && this.closed > this.#awaitedCloses) {
      this.#awaitedCloses = this.closed;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}
