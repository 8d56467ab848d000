import type { RoutingStoreEvent, RoutingStoreStatus } from '@switchboard/core';
import type { RoutingStoreLogger } from './routing-store-logger.js';
import { RedisTimeoutError, withTimeout } from './with-timeout.js';

/** What an operation answers when Redis could not: the caller uses local state instead. */
export const unavailable: unique symbol = Symbol('redis unavailable');
/** What an operation answers when it timed out; Redis may still carry it out later. */
export const late: unique symbol = Symbol('redis answer late');
export type Unavailable = typeof unavailable | typeof late;

/** Whether an operation went unanswered (`unavailable` or `late`). */
export function unanswered(reply: unknown): reply is Unavailable {
  return reply === unavailable || reply === late;
}

/** The parts of a node-redis client the connection watches. */
export interface WatchedClient {
  readonly isReady: boolean;
  on(event: 'ready' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  sendCommand(args: string[]): Promise<unknown>;
}

export interface StoreConnectionOptions {
  client: WatchedClient;
  /** Where Redis is, without credentials, for log lines. */
  where: string;
  operationTimeoutMs: number;
  probeIntervalMs: number;
  logger: RoutingStoreLogger;
  /** Runs each time Redis is reachable again, before sharing resumes. */
  onReachable: () => Promise<void>;
}

/**
 * Whether Redis answers, and the gate every operation passes. While Redis is reachable an
 * operation runs with `operationTimeoutMs`. A connection error marks Redis unreachable and
 * answers `unavailable`. A timeout answers `late` and makes Redis suspect: operations
 * answer `unavailable` at once while a PING (same timeout) finds out whether Redis is
 * away or this process was only too busy to read the answer in time; the PING's failure
 * marks Redis unreachable, its success ends the suspicion silently. While unreachable,
 * a probe (PING) every `probeIntervalMs` finds out when Redis is back. So one request
 * waits at most one timeout, and each change of reachability is told once: one log line
 * and one event to subscribers.
 */
export class StoreConnection {
  readonly #options: StoreConnectionOptions;
  readonly #listeners = new Set<(event: RoutingStoreEvent) => void>();
  #reachable = false;
  #everReachable = false;
  #reportedDown = false;
  #since = Date.now();
  #lastError: Error | undefined;
  #probeTimer: NodeJS.Timeout | undefined;
  #probing = false;
  #closed = false;
  #verifying = false;

  constructor(options: StoreConnectionOptions) {
    this.#options = options;
    options.client.on('ready', () => void this.#probe());
    options.client.on('error', (error) => this.markUnreachable(error));
    options.client.on('end', () => this.markUnreachable(new Error('The connection to Redis closed.')));
  }

  /** Whether operations go to Redis now (reachable and not suspect). */
  get reachable(): boolean {
    return this.#reachable && !this.#verifying;
  }

  /** Runs `operation` against Redis within the timeout, or answers `unavailable` / `late`. */
  run<T>(operation: () => Promise<T>): Promise<T | Unavailable> {
    if (!this.reachable) return Promise.resolve(unavailable);
    return withTimeout(operation(), this.#options.operationTimeoutMs).catch((error: unknown) => {
      if (error instanceof RedisTimeoutError) {
        void this.#verify();
        return late;
      }
      this.markUnreachable(error instanceof Error ? error : new Error(String(error)));
      return unavailable;
    });
  }

  markUnreachable(error: Error): void {
    if (this.#closed) return;
    this.#lastError = error;
    if (this.#reachable || !this.#reportedDown) {
      this.#reachable = false;
      this.#reportedDown = true;
      this.#since = Date.now();
      this.#options.logger.warn(
        `Switchboard routing store: Redis at ${this.#options.where} is unreachable (${error.message}); ` +
          'each gateway routes on its own local state until it is back.',
      );
      this.#emit({ type: 'store-unavailable', store: 'redis', reason: error });
    }
    this.#scheduleProbe();
  }

  status(): RoutingStoreStatus {
    const status: RoutingStoreStatus = { kind: 'redis', shared: true, connected: this.#reachable, since: this.#since };
    if (!this.#reachable && this.#lastError !== undefined) status.lastError = this.#lastError.message;
    return status;
  }

  subscribe(listener: (event: RoutingStoreEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#closed = true;
    this.#reachable = false;
    if (this.#probeTimer !== undefined) clearTimeout(this.#probeTimer);
    this.#listeners.clear();
  }

  async #verify(): Promise<void> {
    if (!this.reachable) return;
    this.#verifying = true;
    try {
      await withTimeout(this.#options.client.sendCommand(['PING']), this.#options.operationTimeoutMs);
    } catch (error) {
      this.markUnreachable(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.#verifying = false;
    }
  }

  #scheduleProbe(): void {
    if (this.#closed || this.#probeTimer !== undefined) return;
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = undefined;
      void this.#probe();
    }, this.#options.probeIntervalMs);
    this.#probeTimer.unref();
  }

  async #probe(): Promise<void> {
    if (this.#closed || this.#reachable || this.#probing) return;
    if (!this.#options.client.isReady) return this.#scheduleProbe();
    this.#probing = true;
    try {
      await withTimeout(this.#options.client.sendCommand(['PING']), this.#options.operationTimeoutMs);
      await this.#options.onReachable();
      this.#markReachable();
    } catch (error) {
      this.#lastError = error instanceof Error ? error : new Error(String(error));
      this.#scheduleProbe();
    } finally {
      this.#probing = false;
    }
  }

  #markReachable(): void {
    if (this.#closed || this.#reachable) return;
    const downFor = Date.now() - this.#since;
    this.#reachable = true;
    this.#since = Date.now();
    this.#lastError = undefined;
    if (this.#reportedDown) {
      this.#reportedDown = false;
      this.#options.logger.info(
        `Switchboard routing store: Redis at ${this.#options.where} is reachable again after ${downFor} ms; sharing routing state again.`,
      );
      this.#emit({ type: 'store-restored', store: 'redis', unavailableMs: downFor });
    } else if (!this.#everReachable) {
      this.#options.logger.info(`Switchboard routing store: sharing routing state through Redis at ${this.#options.where}.`);
    }
    this.#everReachable = true;
  }

  #emit(event: RoutingStoreEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A listener must not break the store.
      }
    }
  }
}
