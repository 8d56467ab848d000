import type { LuaScript, CommandSender } from './lua-script.js';
import type { StoreConnection } from './store-connection.js';
import { withTimeout } from './with-timeout.js';

export interface LeaseKeeperOptions {
  client: CommandSender;
  connection: StoreConnection;
  refreshScript: LuaScript;
  leasesKey: (provider: string) => string;
  leaseTtlMs: number;
  operationTimeoutMs: number;
}

/**
 * The concurrency leases this process holds in Redis, refreshed together every third of
 * their time-to-live while their requests run. A process that dies stops refreshing, and
 * its slots free themselves within the lease TTL.
 */
export class LeaseKeeper {
  readonly #options: LeaseKeeperOptions;
  readonly #held = new Map<string, Set<string>>();
  #timer: NodeJS.Timeout | undefined;

  constructor(options: LeaseKeeperOptions) {
    this.#options = options;
  }

  add(provider: string, id: string): void {
    let ids = this.#held.get(provider);
    if (ids === undefined) {
      ids = new Set();
      this.#held.set(provider, ids);
    }
    ids.add(id);
    this.#start();
  }

  remove(provider: string, id: string): void {
    const ids = this.#held.get(provider);
    ids?.delete(id);
    if (ids?.size === 0) this.#held.delete(provider);
    if (this.#held.size === 0) this.stop();
  }

  /** Refreshes every held lease now; rejects when Redis does not answer in time. */
  async refreshAll(): Promise<void> {
    const { client, refreshScript, leasesKey, leaseTtlMs, operationTimeoutMs } = this.#options;
    const refreshes = [...this.#held].map(([provider, ids]) =>
      refreshScript.run(client, [leasesKey(provider)], [String(leaseTtlMs), ...ids]),
    );
    await withTimeout(Promise.all(refreshes), operationTimeoutMs);
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (!this.#options.connection.reachable) return;
      this.refreshAll().catch((error: unknown) => {
        this.#options.connection.markUnreachable(error instanceof Error ? error : new Error(String(error)));
      });
    }, Math.max(1, Math.floor(this.#options.leaseTtlMs / 3)));
    this.#timer.unref();
  }
}
