import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectedStores } from '../test/connected-stores.js';
import { dumpRedis } from '../test/dump-redis.js';
import { startRedisServer, type TestRedisServer } from './testing/index.js';
import { createRedisRoutingStore } from './create-redis-routing-store.js';
import { InvalidStoreOptionsError } from './invalid-store-options-error.js';

const settings = { failureThreshold: 2, cooldownMs: 1_000 };

describe('Redis routing store', () => {
  let redis: TestRedisServer;
  const stores = connectedStores();
  let round = 0;
  const prefix = () => `store-${round}:`;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    round += 1;
    await stores.closeAll();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('counts consecutive failures across stores and opens the circuit for all of them', async () => {
    const [a, b] = [await stores.open(redis.url, { prefix: prefix() }), await stores.open(redis.url, { prefix: prefix() })];
    const first = await a.enter('P', 10_000, true);
    expect(first).toEqual({ type: 'admitted', ticket: { provider: 'P', trial: false } });
    const second = await b.enter('P', 10_000, true);
    expect(await a.fail({ provider: 'P', trial: false }, 10_000, settings)).toBeUndefined();
    expect(await b.fail({ provider: 'P', trial: false }, 10_100, settings)).toEqual({ type: 'opened', untilMs: 11_100 });
    expect(second.type).toBe('admitted');

    expect(await a.enter('P', 10_500, true)).toEqual({ type: 'circuit-open', openUntil: 11_100 });
    expect(a.snapshot('P', 10_500)).toEqual({ state: 'open', consecutiveFailures: 2, openUntil: 11_100 });
    expect(a.snapshot('P', 11_100)).toMatchObject({ state: 'half-open' });
  });

  it('lets exactly one trial through after the cool-down, and its success closes the circuit for everyone', async () => {
    const all = await Promise.all([1, 2, 3].map(() => stores.open(redis.url, { prefix: prefix() })));
    await all[0]!.fail({ provider: 'P', trial: false }, 0, { failureThreshold: 1, cooldownMs: 1_000 });
    const verdicts = await Promise.all(all.flatMap((store) => [store.enter('P', 1_000, true), store.enter('P', 1_001, true)]));
    const trials = verdicts.filter((verdict) => verdict.type === 'admitted');
    expect(trials).toEqual([{ type: 'admitted', ticket: { provider: 'P', trial: true } }]);
    expect(verdicts.filter((verdict) => verdict.type === 'trial-in-progress')).toHaveLength(5);

    const winner = all[verdicts.indexOf(trials[0]!) >> 1]!;
    expect(await winner.succeed((trials[0] as { ticket: { provider: string; trial: boolean } }).ticket)).toEqual({ type: 'closed' });
    for (const store of all) expect(await store.enter('P', 1_002, true)).toMatchObject({ type: 'admitted', ticket: { trial: false } });
    await all[2]!.refresh(['P']);
    expect(all[2]!.snapshot('P', 1_002)).toEqual({ state: 'closed', consecutiveFailures: 0, leasesInUse: 0 });
  });

  it('only ever extends an open deadline', async () => {
    const [a, b] = [await stores.open(redis.url, { prefix: prefix() }), await stores.open(redis.url, { prefix: prefix() })];
    const long = { failureThreshold: 1, cooldownMs: 60_000 };
    expect(await a.fail({ provider: 'P', trial: false }, 0, long)).toEqual({ type: 'opened', untilMs: 60_000 });
    const trial = await b.enter('P', 60_000, true);
    expect(trial).toEqual({ type: 'admitted', ticket: { provider: 'P', trial: true } });
    const skewedShort = await b.fail({ provider: 'P', trial: true }, 30_000, { failureThreshold: 1, cooldownMs: 5_000 });
    expect(skewedShort).toEqual({ type: 'opened', untilMs: 60_000 });
    expect(await a.fail({ provider: 'P', trial: true }, 60_000, long)).toEqual({ type: 'opened', untilMs: 120_000 });
    expect(await b.enter('P', 100_000, true)).toEqual({ type: 'circuit-open', openUntil: 120_000 });
  });

  it('frees a trial claimed by a request that ended without an outcome, and one whose claim expired', async () => {
    const store = await stores.open(redis.url, { prefix: prefix(), trialTtlMs: 5_000 });
    await store.fail({ provider: 'P', trial: false }, 0, { failureThreshold: 1, cooldownMs: 100 });
    const trial = await store.enter('P', 100, true);
    expect(await store.enter('P', 101, true)).toEqual({ type: 'trial-in-progress' });
    store.release((trial as { ticket: { provider: string; trial: boolean } }).ticket);
    await expect.poll(() => store.enter('P', 102, true)).toMatchObject({ type: 'admitted', ticket: { trial: true } });
    expect(await store.enter('P', 5_101, true)).toMatchObject({ type: 'trial-in-progress' });
    expect(await store.enter('P', 5_102, true)).toMatchObject({ type: 'admitted', ticket: { trial: true } });
  });

  it('shares working overrides, which win over the declaration and the circuit', async () => {
    const [a, b] = [await stores.open(redis.url, { prefix: prefix() }), await stores.open(redis.url, { prefix: prefix() })];
    await a.setOverride('P', false);
    expect(await b.enter('P', 0, true)).toEqual({ type: 'disabled' });
    expect(b.snapshot('P', 0)).toMatchObject({ workingOverride: false });
    await a.setOverride('P', true);
    await b.fail({ provider: 'P', trial: false }, 0, { failureThreshold: 1, cooldownMs: 1_000 });
    expect(await b.enter('P', 0, false)).toEqual({ type: 'admitted', ticket: { provider: 'P', trial: false } });
    await a.setOverride('P', undefined);
    expect(await b.enter('P', 0, false)).toEqual({ type: 'not-working' });
    expect(await b.enter('P', 0, true)).toEqual({ type: 'circuit-open', openUntil: 1_000 });
    expect(b.snapshot('P', 0)).not.toHaveProperty('workingOverride');
  });

  it('grants at most `limit` leases across stores, and a released one can be taken again', async () => {
    const [a, b] = [await stores.open(redis.url, { prefix: prefix() }), await stores.open(redis.url, { prefix: prefix() })];
    const taken = await Promise.all([a, b, a, b, a].map((store) => store.acquireLease('P', 3)));
    expect(taken.filter((lease) => lease !== undefined)).toHaveLength(3);
    expect(await b.acquireLease('P', 3)).toBeUndefined();
    taken.find((lease) => lease !== undefined)!.release();
    await expect.poll(() => b.acquireLease('P', 3)).toBeDefined();
    await a.refresh(['P']);
    expect(a.snapshot('P', 0).leasesInUse).toBe(3);
  });

  it('keeps every key under the prefix', async () => {
    const store = await stores.open(redis.url, { prefix: 'tenant-a:' });
    await store.fail({ provider: 'P', trial: false }, 0, settings);
    await store.setOverride('P', true);
    await store.acquireLease('P', 2);
    const keys = [...(await dumpRedis(redis.url)).keys()];
    expect(keys).toEqual(expect.arrayContaining(['tenant-a:circuit:P', 'tenant-a:leases:P', 'tenant-a:override:P']));
    expect(keys.filter((key) => !key.startsWith('tenant-a:') && !key.startsWith('store-'))).toEqual([]);
  });

  it('refuses options it cannot use, saying which', () => {
    expect(() => createRedisRoutingStore({ url: 'http://localhost:6379' })).toThrow(InvalidStoreOptionsError);
    expect(() => createRedisRoutingStore({ url: 'redis://localhost', operationTimeoutMs: 0 })).toThrow(
      'operationTimeoutMs must be a positive number of milliseconds; got 0.',
    );
  });
});
