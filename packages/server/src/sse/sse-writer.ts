import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearImmediate, clearTimeout as clearFlushTimeout, setImmediate, setTimeout as setFlushTimeout } from 'node:timers';

/** What a write returns: `undefined` when the socket took it, else a promise of its drain (or close). */
export type SseWrite = Promise<void> | undefined;

/** Least time between two socket writes of a stream in a burst of data events. */
export const burstFlushIntervalMs = 1;

/** Data events a burst must already have sent before the writer starts gathering them. */
const eventsBeforeGathering = 2;

/**
 * Writes Server-Sent Events the way OpenAI clients read them: `data:` lines and comment
 * lines only, never `event:` or `id:` fields. Events written in one turn of the event loop
 * leave in one socket write, at the end of that turn. In a burst (writes coming less than
 * {@link burstFlushIntervalMs} after the previous socket write) whose first data events
 * have left, further events are gathered for up to that long, so a fast upstream costs one
 * system call per interval rather than one per token, while the first events of a burst
 * (the first token after a pause, or after the queue comments) leave at once. A write
 * returns a promise only when the socket's buffer is full, resolved once it drained. Sends
 * `: keep-alive` after `keepAliveMs` without output (0: never).
 *
 * The flush timers come from `node:timers`, so that tests faking the global timers do not
 * hold events back.
 */
export class SseWriter {
  readonly #response: ServerResponse;
  readonly #keepAliveMs: number;
  #keepAlive: NodeJS.Timeout | undefined;
  #lastWriteAt = Date.now();
  #flush: { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout } | undefined;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Data events sent by the socket writes of the current burst. */
  #burstEvents = 0;
  /** Data events waiting for the next socket write. */
  #pendingEvents = 0;

  constructor(response: ServerResponse, keepAliveMs: number) {
    this.#response = response;
    this.#keepAliveMs = keepAliveMs;
    if (keepAliveMs > 0) this.#armKeepAlive(keepAliveMs);
  }

  /** Whether the client can still receive events. */
  get open(): boolean {
    return !this.#response.writableEnded && !this.#response.destroyed;
  }

  /** `data: <json>` */
  data(value: unknown): SseWrite {
    return this.#write(`data: ${JSON.stringify(value)}\n\n`, true);
  }

  /** `data: <json>`, for a value already serialized. */
  dataJson(json: string): SseWrite {
    return this.#write(`data: ${json}\n\n`, true);
  }

  /** `: <text>`, a comment every SSE parser skips. */
  comment(text: string): SseWrite {
    return this.#write(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`, false);
  }

  /** `data: [DONE]`, the end of a successful stream. */
  done(): SseWrite {
    return this.#write('data: [DONE]\n\n', true);
  }

  /** Sends what is buffered, ends the response (if still open) and stops the keep-alive timer. */
  end(): void {
    clearTimeout(this.#keepAlive);
    this.#keepAlive = undefined;
    this.#uncork();
    if (this.open) this.#response.end();
  }

  #write(text: string, isData: boolean): SseWrite {
    if (!this.open) return undefined;
    if (this.#keepAliveMs > 0) this.#lastWriteAt = Date.now();
    if (this.#flush === undefined) this.#scheduleFlush();
    if (isData) this.#pendingEvents++;
    if (this.#response.write(text)) return undefined;
    return new Promise((resolve) => {
      const settle = () => {
        this.#response.off('drain', settle);
        this.#response.off('close', settle);
        resolve();
      };
      this.#response.on('drain', settle);
      this.#response.on('close', settle);
    });
  }

  #scheduleFlush(): void {
    this.#response.cork();
    const sinceFlushMs = performance.now() - this.#lastFlushAt;
    if (sinceFlushMs >= burstFlushIntervalMs) this.#burstEvents = 0;
    const uncork = () => this.#uncork();
    if (this.#burstEvents >= eventsBeforeGathering) this.#flush = { timeout: setFlushTimeout(uncork, burstFlushIntervalMs - sinceFlushMs) };
    else this.#flush = { immediate: setImmediate(uncork) };
  }

  #uncork(): void {
    const flush = this.#flush;
    if (flush === undefined) return;
    if ('immediate' in flush) clearImmediate(flush.immediate);
    else clearFlushTimeout(flush.timeout);
    this.#flush = undefined;
    this.#lastFlushAt = performance.now();
    this.#burstEvents += this.#pendingEvents;
    this.#pendingEvents = 0;
    this.#response.uncork();
  }

  #armKeepAlive(delayMs: number): void {
    this.#keepAlive = setTimeout(() => {
      const quietMs = Date.now() - this.#lastWriteAt;
      if (quietMs >= this.#keepAliveMs) {
        void this.comment('keep-alive');
        this.#armKeepAlive(this.#keepAliveMs);
      } else {
        this.#armKeepAlive(this.#keepAliveMs - quietMs);
      }
    }, delayMs);
    this.#keepAlive.unref();
  }
}
