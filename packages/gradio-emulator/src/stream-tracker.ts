/** Counts data streams and lets callers wait for one to close. */
export class StreamTracker {
  open = 0;
  closed = 0;
  private acknowledged = 0;
  private waiters: (() => void)[] = [];

  opened(): void {
    this.open++;
  }

  closedOne(): void {
    this.open--;
    this.closed++;
    const waiters = this.waiters.splice(0);
    if (waiters.length > 0) this.acknowledged = this.closed;
    for (const resolve of waiters) resolve();
  }

  /** The open stream's close, else a close nobody awaited yet, else the next close. */
  waitForClose(): Promise<void> {
    if (this.open === 0 && this.closed > this.acknowledged) {
      this.acknowledged = this.closed;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
