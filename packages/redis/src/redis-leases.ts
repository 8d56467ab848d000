import { randomUUID } from 'node:crypto';
import type { ConcurrencyLease, MemoryRoutingStore } from '@switchboard/core';
import { LeaseKeeper } from './lease-keeper.js';
import type { CommandSender } from './lua-script.js';
import { providerKeys } from './redis-keys.js';
import type { ResolvedStoreSettings } from './redis-routing-store-options.js';
import { storeScripts } from './scripts/store-scripts.js';
import { unanswered, type StoreConnection } from './store-connection.js';

export interface RedisLeasesOptions {
  client: CommandSender;
  connection: StoreConnection;
  /** Where slots come from while Redis is away: this process alone. */
  local: MemoryRoutingStore;
  settings: ResolvedStoreSettings;
  /** Told how many leases a provider has in Redis whenever a script says so. */
  onCount: (provider: string, leases: number) => void;
}

/**
 * Concurrency slots as leases in Redis: one sorted set per provider, members scored by
 * expiry, taken by a script that first drops expired ones. While Redis is away, slots come
 * from the local store, so each process enforces the limit on its own; a lease Redis grants
 * after its operation timed out is given back at once.
 */
export class RedisLeases {
  readonly #options: RedisLeasesOptions;
  readonly #keeper: LeaseKeeper;
  readonly #processId = randomUUID();
  readonly #held = new Map<string, string>();
  #next = 0;

  constructor(options: RedisLeasesOptions) {
    this.#options = options;
    this.#keeper = new LeaseKeeper({
      client: options.client,
      connection: options.connection,
      refreshScript: storeScripts.refreshLeases,
      leasesKey: (provider) => this.#key(provider),
      leaseTtlMs: options.settings.leaseTtlMs,
      operationTimeoutMs: options.settings.operationTimeoutMs,
    });
  }

  acquire(provider: string, limit: number): ConcurrencyLease | undefined | Promise<ConcurrencyLease | undefined> {
    const { client, connection, local, settings } = this.#options;
    if (!connection.reachable) return local.acquireLease(provider, limit);
    this.#next += 1;
    const id = `${this.#processId}:${this.#next}`;
    const key = this.#key(provider);
    const attempt = storeScripts.acquireLease.run(client, [key], [String(limit), String(settings.leaseTtlMs), id]);
    return connection.run(() => attempt).then((reply) => {
      if (unanswered(reply)) {
        attempt.then((answer) => this.#grantedLate(answer, key, id)).catch(() => undefined);
        return local.acquireLease(provider, limit);
      }
      const [granted, leases] = reply as [number, number];
      this.#options.onCount(provider, Number(leases));
      return Number(granted) === 1 ? this.#lease(provider, id) : undefined;
    });
  }

  refreshAll(): Promise<void> {
    return this.#keeper.refreshAll();
  }

  /** Stops refreshing and frees every lease still held, as far as Redis answers in time. */
  async close(): Promise<void> {
    this.#keeper.stop();
    const releases = [...this.#held].map(([id, provider]) => this.#free(provider, id));
    await Promise.all(releases);
  }

  #lease(provider: string, id: string): ConcurrencyLease {
    this.#held.set(id, provider);
    this.#keeper.add(provider, id);
    return {
      release: () => {
        if (!this.#held.has(id)) return;
        void this.#free(provider, id);
      },
    };
  }

  async #free(provider: string, id: string): Promise<void> {
    this.#held.delete(id);
    this.#keeper.remove(provider, id);
    const { client, connection } = this.#options;
    const left = await connection.run(() => storeScripts.releaseLease.run(client, [this.#key(provider)], [id]));
    if (!unanswered(left)) this.#options.onCount(provider, Number(left));
  }

  /** A lease granted after the operation timed out is nobody's: give it back at once. */
  #grantedLate(reply: unknown, key: string, id: string): void {
    if (Number((reply as [number])[0]) !== 1) return;
    this.#options.client.sendCommand(['ZREM', key, id]).catch(() => undefined);
  }

  #key(provider: string): string {
    return providerKeys(this.#options.settings.prefix, provider).leases;
  }
}
