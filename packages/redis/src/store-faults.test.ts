import { createRegistry, UpstreamHttpError, type ProviderRegistry, type RoutingEvent } from '@switchboard/core';
import { ask, createFakeProvider, fail, finish, text } from '@switchboard/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectedStores } from '../test/connected-stores.js';
import { recordingLogger } from '../test/recording-logger.js';
import { waitUntil } from '../test/wait-until.js';
import { createRedisRoutingStore } from './create-redis-routing-store.js';
import type { RedisRoutingStore } from './redis-routing-store.js';
import { startRedisServer, type TestRedisServer } from './testing/index.js';

const operationTimeoutMs = 50;
/** What a request may take beyond the store timeout on a busy test machine: generous on purpose. */
const ownWorkMs = 400;
const down = new UpstreamHttpError(503, 'Service Unavailable');

describe('Redis slow or away', () => {
  let redis: TestRedisServer;
  const stores = connectedStores();
  let round = 0;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    round += 1;
    redis.resume();
    await redis.start().catch(() => undefined);
    await stores.closeAll();
  });
  afterAll(async () => {
    await redis.stop();
  });

  async function gateway(store: RedisRoutingStore) {
    const events: RoutingEvent[] = [];
    const space = createFakeProvider({ name: 'Space', metadata: { maxConcurrency: 2 }, script: [text('space'), finish()] });
    const flaky = createFakeProvider({ name: 'Flaky', metadata: { priority: -1 }, script: [fail(down)] });
    const registry = createRegistry({
      store,
      retry: { maxAttempts: 1 },
      circuit: { failureThreshold: 2, cooldownMs: 60_000 },
      onEvent: (event) => events.push(event),
    });
    registry.register(space.providerClass, space.metadata);
    registry.register(flaky.providerClass, flaky.metadata);
    return { registry, events, space };
  }

  async function timedAnswers(registry: ProviderRegistry, count: number): Promise<number[]> {
    const durations: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const startedAt = performance.now();
      expect(await registry.complete(ask())).toBe('space');
      durations.push(performance.now() - startedAt);
    }
    return durations;
  }

  const storeEvents = (events: RoutingEvent[]) => events.filter((event) => event.type.startsWith('store-'));

  it('answers on local state within the timeout while Redis is frozen, and shares again once it answers', async () => {
    const prefix = `faults-${round}:`;
    const store = await stores.open(redis.url, { prefix, operationTimeoutMs, probeIntervalMs: 100 });
    const observer = await stores.open(redis.url, { prefix });
    const { registry, events } = await gateway(store);
    await timedAnswers(registry, 5);

    redis.pause();
    const durations = await timedAnswers(registry, 20);
    expect(Math.max(...durations)).toBeLessThan(operationTimeoutMs + ownWorkMs);
    await waitUntil(() => !store.status().connected, 'the PING sent after the first timeout times out too');
    expect(store.status()).toMatchObject({ kind: 'redis', shared: true, connected: false, lastError: expect.stringContaining('50 ms') });
    expect(storeEvents(events)).toEqual([{ type: 'store-unavailable', store: 'redis', reason: expect.any(Error) }]);
    expect(store.logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(1);

    redis.resume();
    await waitUntil(() => store.status().connected, 'the store finds Redis again');
    expect(storeEvents(events)).toEqual([
      { type: 'store-unavailable', store: 'redis', reason: expect.any(Error) },
      { type: 'store-restored', store: 'redis', unavailableMs: expect.any(Number) },
    ]);
    expect(store.logger.lines.at(-1)).toMatch(/^info: .* is reachable again after \d+ ms; sharing routing state again\.$/);

    await registry.setWorking('Space', false);
    await registry.complete(ask()).catch(() => undefined);
    await registry.complete(ask()).catch(() => undefined);
    await observer.refresh(['Space', 'Flaky']);
    expect(observer.snapshot('Space', Date.now())).toMatchObject({ workingOverride: false });
    expect(observer.snapshot('Flaky', Date.now())).toMatchObject({ state: 'open', consecutiveFailures: 2 });
  });

  it('keeps answering when Redis stops, reconnects by itself when it starts again, and hands over what changed meanwhile', async () => {
    const prefix = `faults-${round}:`;
    const store = await stores.open(redis.url, { prefix, operationTimeoutMs, probeIntervalMs: 100 });
    const { registry, events } = await gateway(store);
    await timedAnswers(registry, 3);

    await redis.stop();
    const durations = await timedAnswers(registry, 10);
    expect(Math.max(...durations)).toBeLessThan(operationTimeoutMs + ownWorkMs);
    await registry.setWorking('Flaky', false);
    expect(registry.health()[1]).toMatchObject({ workingOverride: false, working: false });
    expect(storeEvents(events).map((event) => event.type)).toEqual(['store-unavailable']);

    await redis.start();
    await waitUntil(() => store.status().connected, 'the store reconnects');
    const observer = await stores.open(redis.url, { prefix });
    await observer.refresh(['Flaky']);
    expect(observer.snapshot('Flaky', Date.now())).toMatchObject({ workingOverride: false });
    expect(storeEvents(events).map((event) => event.type)).toEqual(['store-unavailable', 'store-restored']);
    expect(await registry.complete(ask())).toBe('space');
  });

  it('starts without Redis, routes locally, and shares once Redis is up', async () => {
    await redis.stop();
    const logger = recordingLogger();
    const store = createRedisRoutingStore({ url: redis.url, prefix: `faults-${round}:`, logger, probeIntervalMs: 100 });
    try {
      const { registry } = await gateway(store);
      expect(await registry.complete(ask())).toBe('space');
      await waitUntil(() => logger.lines.length > 0, 'the store says Redis is unreachable');
      expect(logger.lines).toEqual([expect.stringMatching(/^warn: Switchboard routing store: Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable/)]);
      expect(registry.storeStatus()).toMatchObject({ connected: false });

      await redis.start();
      await waitUntil(() => store.status().connected, 'the store connects');
      expect(logger.lines).toHaveLength(2);
      expect(await registry.complete(ask())).toBe('space');
    } finally {
      await store.close();
    }
  });
});
