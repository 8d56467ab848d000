import type { ServerResponse } from 'node:http';

/** One response being tracked by a {@link ResponseTracker}. */
export interface TrackedResponse {
  /** Aborted when the response's connection closes, whoever closed it, or on `stopAll()`. */
  readonly signal: AbortSignal;
  /** Records that the server itself is about to destroy this response's connection. */
  markDroppedByServer(): void;
}

/**
 * Counts the responses (replies, streams) a test server has in progress and the ones that
 * closed, tells apart those a client cut off from those the server ended or dropped, and
 * lets a test await a close. A response counts as cut off by the client when its connection
 * closed before the response finished, unless the server marked it as dropped or was
 * stopping everything.
 */
export class ResponseTracker {
  #open = 0;
  #closed = 0;
  #closedByClient = 0;
  #awaitedCloses = 0;
  #stopping = false;
  #closeWaiters: Array<() => void> = [];
  #clientCloseWaiters: Array<() => void> = [];
  readonly #controllers = new Set<AbortController>();

  /** Responses tracked and not closed yet. */
  get open(): number {
    return this.#open;
  }

  /** Responses that closed, whoever closed them. */
  get closed(): number {
    return this.#closed;
  }

  /** Responses a client cut off before they finished. */
  get closedByClient(): number {
    return this.#closedByClient;
  }

  /** Starts tracking `response` until its `close` event. */
  track(response: ServerResponse): TrackedResponse {
    const controller = new AbortController();
    let droppedByServer = false;
    this.#open += 1;
    this.#controllers.add(controller);
    response.once('close', () => {
      const cutOffByClient = !response.writableFinished && !droppedByServer && !this.#stopping;
      this.#open -= 1;
      this.#closed += 1;
      this.#controllers.delete(controller);
      controller.abort();
      if (cutOffByClient) {
        this.#closedByClient += 1;
        wakeAll(this.#clientCloseWaiters);
      }
      if (wakeAll(this.#closeWaiters)) this.#awaitedCloses = this.#closed;
    });
    return {
      signal: controller.signal,
      markDroppedByServer: () => {
        droppedByServer = true;
      },
    };
  }

  /**
   * Resolves on a close: that of the response open now, else (when none is open) a close that
   * no earlier call was given yet, else the next one.
   */
  nextClose(): Promise<void> {
    if (this.#open === 0 && this.#closed > this.#awaitedCloses) {
      this.#awaitedCloses = this.#closed;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#closeWaiters.push(resolve));
  }

  /** Resolves the next time, counting from this call, that a client cuts off a response. */
  nextClientClose(): Promise<void> {
    return new Promise((resolve) => this.#clientCloseWaiters.push(resolve));
  }

  /** Aborts every tracked response's signal; the closes that follow are the server's, not a client's. */
  stopAll(): void {
    this.#stopping = true;
    for (const controller of this.#controllers) controller.abort();
  }
}

/** Resolves and empties `waiters`; true when there were any. */
function wakeAll(waiters: Array<() => void>): boolean {
  const woken = waiters.splice(0);
  for (const wake of woken) wake();
  return woken.length > 0;
}
