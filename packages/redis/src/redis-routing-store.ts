import {
  MemoryRoutingStore,
  type CircuitSettings,
  type CircuitTicket,
  type CircuitTransition,
  type ConcurrencyLease,
  type ProviderStoreSnapshot,
  type RoutingStore,
  type RoutingStoreEvent,
  type RoutingStoreStatus,
  type StoreVerdict,
} from '@switchboard/core';
import { parseCircuitReply, sharedState, snapshotOf, type SharedState } from './circuit-reply.js';
import { RedisLeases } from './redis-leases.js';
import { providerKeys } from './redis-keys.js';
import type { ResolvedStoreSettings } from './redis-routing-store-options.js';
import { storeScripts } from './scripts/store-scripts.js';
import { StoreConnection, unanswered, unavailable, type WatchedClient } from './store-connection.js';
import { withTimeout } from './with-timeout.js';

/** A node-redis client as the store uses it. */
export interface StoreClient extends WatchedClient {
  close(): Promise<void>;
  destroy(): void;
}

/**
 * Routing state in Redis, shared by every registry and process that uses the same Redis
 * and prefix; see `createRedisRoutingStore`. Circuit transitions run as Lua scripts, so
 * they are atomic across processes. Whenever Redis is slow or away, each call answers
 * from this process's local state within the operation timeout (fail-open).
 */
export class RedisRoutingStore implements RoutingStore {
  readonly leaseRetryMs: number;
  readonly #settings: ResolvedStoreSettings;
  readonly #client: StoreClient;
  readonly #connection: StoreConnection;
  readonly #local = new MemoryRoutingStore();
  readonly #localTickets = new WeakSet<CircuitTicket>();
  readonly #shared = new Map<string, SharedState>();
  readonly #pendingOverrides = new Map<string, boolean | undefined>();
  readonly #leases: RedisLeases;

  constructor(client: StoreClient, settings: ResolvedStoreSettings) {
    this.#client = client;
    this.#settings = settings;
    this.leaseRetryMs = settings.leaseRetryMs;
    this.#connection = new StoreConnection({
      client,
      where: settings.where,
      operationTimeoutMs: settings.operationTimeoutMs,
      probeIntervalMs: settings.probeIntervalMs,
      logger: settings.logger,
      onReachable: () => this.#resumeSharing(),
    });
    this.#leases = new RedisLeases({
      client,
      connection: this.#connection,
      local: this.#local,
      settings,
      onCount: (provider, leases) => this.#remember(provider, { leases }),
    });
  }

  enter(provider: string, now: number, declaredWorking: boolean): StoreVerdict | Promise<StoreVerdict> {
    if (!this.#connection.reachable) return this.#enterLocally(provider, now, declaredWorking);
    const keys = this.#keys(provider);
    const args = [String(now), declaredWorking ? '1' : '0', String(this.#settings.trialTtlMs), String(this.#settings.keyTtlMs)];
    return this.#connection.run(() => storeScripts.enter.run(this.#client, [keys.circuit, keys.override], args)).then((reply) => {
      if (unanswered(reply)) return this.#enterLocally(provider, now, declaredWorking);
      const { outcome, trial, shared } = parseCircuitReply(reply);
      this.#remember(provider, { ...shared, override: shared.override });
      if (this.#local.snapshot(provider, now).workingOverride !== shared.override) this.#local.setOverride(provider, shared.override);
      if (outcome === 'admitted') return { type: 'admitted', ticket: { provider, trial } };
      if (outcome === 'circuit-open') return { type: 'circuit-open', openUntil: shared.openUntil };
      return { type: outcome as 'disabled' | 'not-working' | 'trial-in-progress' };
    });
  }

  succeed(ticket: CircuitTicket): MaybeTransition {
    const locally = () => this.#local.succeed(this.#localTicket(ticket));
    if (this.#localTickets.has(ticket) || !this.#connection.reachable) return locally();
    const args = [ticket.trial ? '1' : '0', String(this.#settings.keyTtlMs)];
    return this.#transition(ticket, () => storeScripts.succeed.run(this.#client, [this.#keys(ticket.provider).circuit], args), locally);
  }

  fail(ticket: CircuitTicket, now: number, settings: Required<CircuitSettings>): MaybeTransition {
    const locally = () => this.#local.fail(this.#localTicket(ticket), now, settings);
    if (this.#localTickets.has(ticket) || !this.#connection.reachable) return locally();
    const keyTtlMs = Math.max(this.#settings.keyTtlMs, settings.cooldownMs * 2);
    const args = [now, ticket.trial ? 1 : 0, settings.failureThreshold, settings.cooldownMs, keyTtlMs].map(String);
    return this.#transition(ticket, () => storeScripts.fail.run(this.#client, [this.#keys(ticket.provider).circuit], args), locally);
  }

  release(ticket: CircuitTicket): void {
    if (this.#localTickets.has(ticket)) return this.#local.release(ticket);
    if (!ticket.trial) return;
    void this.#connection.run(() => storeScripts.releaseTrial.run(this.#client, [this.#keys(ticket.provider).circuit], []));
  }

  async setOverride(provider: string, working: boolean | undefined): Promise<void> {
    this.#local.setOverride(provider, working);
    this.#remember(provider, { override: working });
    this.#pendingOverrides.delete(provider);
    const written = await this.#connection.run(() => this.#writeOverride(provider, working));
    if (written === unavailable) this.#pendingOverrides.set(provider, working);
  }

  snapshot(provider: string, now: number): ProviderStoreSnapshot {
    const shared = this.#shared.get(provider);
    if (!this.#connection.reachable || shared === undefined) return this.#local.snapshot(provider, now);
    return snapshotOf(shared, now);
  }

  async refresh(providers: readonly string[]): Promise<void> {
    if (providers.length === 0) return;
    const keys = providers.flatMap((provider) => Object.values(this.#keys(provider)) as string[]);
    const reply = await this.#connection.run(() => storeScripts.readState.run(this.#client, keys, []));
    if (unanswered(reply)) return;
    const values = reply as string[];
    providers.forEach((provider, index) => {
      const [state, failures, openUntil, override, leases] = values.slice(index * 5, index * 5 + 5);
      this.#shared.set(provider, sharedState(String(state), String(failures), String(openUntil), String(override), leases));
    });
  }

  acquireLease(provider: string, limit: number): ConcurrencyLease | undefined | Promise<ConcurrencyLease | undefined> {
    return this.#leases.acquire(provider, limit);
  }

  status(): RoutingStoreStatus {
    return this.#connection.status();
  }

  subscribe(listener: (event: RoutingStoreEvent) => void): () => void {
    return this.#connection.subscribe(listener);
  }

  /**
   * Frees the leases still held (as far as Redis answers in time), stops refreshing and
   * probing, and closes the Redis connection. Call it once on shutdown.
   */
  async close(): Promise<void> {
    await this.#leases.close();
    this.#connection.close();
    await withTimeout(this.#client.close(), 1_000).catch(() => {
      try {
        this.#client.destroy();
      } catch {
        // Already closed.
      }
    });
  }

  /** The ticket to give the local store: a shared one never held a local trial. */
  #localTicket(ticket: CircuitTicket): CircuitTicket {
    return this.#localTickets.has(ticket) ? ticket : { provider: ticket.provider, trial: false };
  }

  #enterLocally(provider: string, now: number, declaredWorking: boolean): StoreVerdict {
    const verdict = this.#local.enter(provider, now, declaredWorking);
    if (verdict.type === 'admitted') this.#localTickets.add(verdict.ticket);
    return verdict;
  }

  async #transition(ticket: CircuitTicket, script: () => Promise<unknown>, locally: () => CircuitTransition | undefined) {
    const reply = await this.#connection.run(script);
    if (unanswered(reply)) return locally();
    const { outcome, shared } = parseCircuitReply(reply);
    this.#remember(ticket.provider, shared);
    if (outcome === 'opened') return { type: 'opened', untilMs: shared.openUntil } as const;
    return outcome === 'closed' ? ({ type: 'closed' } as const) : undefined;
  }

  #remember(provider: string, update: Partial<SharedState>): void {
    const known = this.#shared.get(provider) ?? { state: 'closed', consecutiveFailures: 0, openUntil: 0 };
    const next = { ...known, ...update };
    if ('override' in update && update.override === undefined) delete next.override;
    this.#shared.set(provider, next);
  }

  async #writeOverride(provider: string, working: boolean | undefined): Promise<void> {
    const key = this.#keys(provider).override;
    await this.#client.sendCommand(working === undefined ? ['DEL', key] : ['SET', key, working ? '1' : '0']);
  }

  async #resumeSharing(): Promise<void> {
    const writes = [...this.#pendingOverrides].map(([provider, working]) => this.#writeOverride(provider, working));
    await withTimeout(Promise.all([...writes, this.#leases.refreshAll()]), this.#settings.operationTimeoutMs);
    this.#pendingOverrides.clear();
  }

  #keys(provider: string) {
    return providerKeys(this.#settings.prefix, provider);
  }
}

type MaybeTransition = CircuitTransition | undefined | Promise<CircuitTransition | undefined>;
