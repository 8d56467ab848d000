import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearImmediate, clearTimeout as clearFlushTimeout, setImmediate, setTimeout as setFlushTimeout } from 'node:timers';

/** What a write returns: `undefined` when it can go on at once, else a promise of the socket's drain (or close). */
export type SseWrite = Promise<void> | undefined;

/** Least time between two socket writes of a stream in a burst of data events. */
export const burstFlushIntervalMs = 1;

/** Data events a burst must already have sent before the writer starts gathering them. */
const eventsBeforeGathering = 2;

/** Characters gathered at most before they are written without waiting for the flush. */
const maxGatheredChars = 64 * 1024;

/**
 * Writes Server-Sent Events the way OpenAI clients read them: `data:` lines and comment
 * lines only, never `event:` or `id:` fields.
 *
 * Events are gathered and written together (one HTTP chunk, one socket write): those of
 * one turn of the event loop at the end of that turn and, in a burst (writes coming less
 * than {@link burstFlushIntervalMs} after the previous socket write) whose first data events
 * have left, for up to that long. A fast upstream then costs one write per interval rather
 * than one per token, while the first events of a burst (the first token after a pause, or
 * after the queue comments) leave at once. A write returns a promise only while the socket
 * is full, resolved once it drained. Sends `: keep-alive` after `keepAliveMs` without output
 * (0: never).
 *
 * The flush timers come from `node:timers`, so that tests faking the global timers do not
 * hold events back.
 */
export class SseWriter {
  readonly #response: ServerResponse;
  readonly #keepAliveMs: number;
  #keepAlive: NodeJS.Timeout | undefined;
  #lastWriteAt = Date.now();
  #gathered = '';
  #flush: { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout } | undefined;
  #draining: Promise<void> | undefined;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Data events sent by the socket writes of the current burst. */
  #burstEvents = 0;
  /** Data events gathered for the next socket write. */
  #gatheredEvents = 0;

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

  /** Writes what was gathered, ends the response (if still open) and stops the keep-alive timer. */
  end(): void {
    clearTimeout(this.#keepAlive);
    this.#keepAlive = undefined;
    this.#flushNow();
    if (this.open) this.#response.end();
  }

  #write(text: string, isData: boolean): SseWrite {
    if (!this.open) return undefined;
    if (this.#keepAliveMs > 0) this.#lastWriteAt = Date.now();
    this.#gathered += text;
    if (isData) this.#gatheredEvents++;
    if (this.#gathered.length >= maxGatheredChars) return this.#flushNow();
    if (this.#flush === undefined) this.#scheduleFlush();
    return this.#draining;
  }

  #scheduleFlush(): void {
    const sinceFlushMs = performance.now() - this.#lastFlushAt;
    if (sinceFlushMs >= burstFlushIntervalMs) this.#burstEvents = 0;
    const flush = () => void this.#flushNow();
    if (this.#burstEvents >= eventsBeforeGathering) this.#flush = { timeout: setFlushTimeout(flush, burstFlushIntervalMs - sinceFlushMs) };
    else this.#flush = { immediate: setImmediate(flush) };
  }

  /** Writes what was gathered now; returns the drain promise when the socket is full. */
  #flushNow(): SseWrite {
    const flush = this.#flush;
    if (flush !== undefined) {
      if ('immediate' in flush) clearImmediate(flush.immediate);
      else clearFlushTimeout(flush.timeout);
      this.#flush = undefined;
    }
    const text = this.#gathered;
    this.#gathered = '';
    this.#lastFlushAt = performance.now();
    this.#burstEvents += this.#gatheredEvents;
    this.#gatheredEvents = 0;
    if (text === '' || !this.open || this.#response.write(text) || this.#draining !== undefined) return this.#draining;
    this.#draining = new Promise((resolve) => {
      const settle = () => {
        this.#response.off('drain', settle);
        this.#response.off('close', settle);
        this.#draining = undefined;
        resolve();
      };
      this.#response.on('drain', settle);
      this.#response.on('close', settle);
    });
    return this.#draining;
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
