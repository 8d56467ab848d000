import type { ServerResponse } from 'node:http';

/** One reply being tracked: its script stops when `signal` aborts. */
export interface TrackedReply {
  /** Aborted when the reply's connection closes, whoever closed it, or when the server closes. */
  readonly signal: AbortSignal;
  /** Records that the server itself is about to destroy this reply's connection. */
  markDroppedByServer(): void;
}

/**
 * Counts the replies in progress and the ones a client cut off, and wakes whoever waits for
 * the next client close. A close the server caused (a drop, or closing the server) is never
 * counted as the client's.
 */
export class ReplyTracker {
  inProgress = 0;
  closedByClient = 0;
  #serverClosing = false;
  #waiters: Array<() => void> = [];
  readonly #controllers = new Set<AbortController>();

  track(response: ServerResponse): TrackedReply {
    const controller = new AbortController();
    let droppedByServer = false;
    this.inProgress += 1;
    this.#controllers.add(controller);
    response.once('close', () => {
      this.inProgress -= 1;
      this.#controllers.delete(controller);
      const cutOffByClient = !response.writableFinished && !droppedByServer && !this.#serverClosing;
      controller.abort();
      if (cutOffByClient) {
        this.closedByClient += 1;
        for (const wake of this.#waiters.splice(0)) wake();
      }
    });
    return {
      signal: controller.signal,
      markDroppedByServer: () => {
        droppedByServer = true;
      },
    };
  }

  nextClientClose(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Stops every reply's script; the closes that follow are the server's, not a client's. */
  stopAll(): void {
    this.#serverClosing = true;
    for (const controller of this.#controllers) controller.abort();
  }
}
