import {
  ConcurrencyLimitError,
  createRegistry,
  UpstreamHttpError,
  type ProviderRegistry,
  type RegistryOptions,
  type RoutingEvent,
} from '@switchboard/core';
import { ask, createFakeProvider, fail, finish, readStream, text, type FakeProvider, type FakeStep } from '@switchboard/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectedStores } from '../test/connected-stores.js';
import { dumpRedis } from '../test/dump-redis.js';
import { countOpenStreams } from '@switchboard/core/testing';
import { startRedisServer, type TestRedisServer } from './testing/index.js';

const down = new UpstreamHttpError(503, 'Service Unavailable');

describe('registries sharing one Redis', () => {
  let redis: TestRedisServer;
  const stores = connectedStores();
  let round = 0;

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

  /** Three registries, each over its own connection (as three gateway processes), serving the same fakes. */
  async function threeGateways(fakes: FakeProvider[], options: RegistryOptions = {}) {
    const events: RoutingEvent[][] = [];
    const registries: ProviderRegistry[] = [];
    const logLines: string[][] = [];
    for (let index = 0; index < 3; index += 1) {
      const log: RoutingEvent[] = [];
      const store = await stores.open(redis.url, { prefix: `shared-${round}:` });
      logLines.push(store.logger.lines);
      const registry = createRegistry({ store, retry: { maxAttempts: 1 }, onEvent: (event) => log.push(event), ...options });
      for (const fake of fakes) registry.register(fake.providerClass, fake.metadata);
      registries.push(registry);
      events.push(log);
    }
    return { registries, events, logLines };
  }

  it('opens the circuit everywhere on failures seen by one gateway; one trial after the cool-down; its success closes it for all', async () => {
    let now = 1_000_000;
    const clock = { now: () => now };
    let healthy = false;
    const space = createFakeProvider({ name: 'Space', script: () => (healthy ? [text('space', 200), finish()] : [fail(down)]) });
    const backup = createFakeProvider({ name: 'Backup', script: [text('backup'), finish()] });
    const { registries, events } = await threeGateways([space, backup], { clock, circuit: { failureThreshold: 3, cooldownMs: 10_000 } });
    const [a, b, c] = registries as [ProviderRegistry, ProviderRegistry, ProviderRegistry];

    for (let index = 0; index < 3; index += 1) expect(await a.complete(ask())).toBe('backup');
    expect(events[0]).toContainEqual({ type: 'circuit-opened', provider: 'Space', untilMs: now + 10_000 });
    for (const registry of [b, c]) {
      expect((await registry.refreshHealth())[0]).toMatchObject({ state: 'open', working: false, consecutiveFailures: 3, openUntil: now + 10_000 });
      expect(await registry.complete(ask())).toBe('backup');
    }
    expect(space.calls).toHaveLength(3);

    now += 10_000;
    healthy = true;
    const answers = await Promise.all(registries.flatMap((registry) => [registry.complete(ask()), registry.complete(ask())]));
    expect(answers.filter((answer) => answer === 'space')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'backup')).toHaveLength(5);
    expect(space.calls).toHaveLength(4);

    for (const registry of registries) {
      expect((await registry.refreshHealth())[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0, working: true });
      expect(await registry.complete(ask())).toBe('space');
    }
  });

  it('shares setWorking(): disabling through one gateway keeps the others off the provider', async () => {
    const space = createFakeProvider({ name: 'Space', script: [text('space'), finish()] });
    const backup = createFakeProvider({ name: 'Backup', script: [text('backup'), finish()] });
    const { registries } = await threeGateways([space, backup]);
    const [a, b, c] = registries as [ProviderRegistry, ProviderRegistry, ProviderRegistry];
    await a.setWorking('Space', false);
    expect(await b.complete(ask())).toBe('backup');
    expect(await c.complete(ask())).toBe('backup');
    expect(space.calls).toHaveLength(0);
    expect(b.health()[0]).toMatchObject({ working: false, workingOverride: false });
    await c.setWorking('Space', undefined);
    expect(await b.complete(ask())).toBe('space');
  });

  it('holds 200 requests over three gateways to maxConcurrency 4 at the upstream; every request settles', async () => {
    const script = (index: number): FakeStep[] => [text(`answer ${index}`, 1 + (index % 5)), finish()];
    const fake = createFakeProvider({ name: 'Space', metadata: { maxConcurrency: 4 }, script });
    const counter = countOpenStreams(fake.providerClass);
    const { registries, logLines } = await threeGateways([{ ...fake, providerClass: counter.providerClass }], {
      timeouts: { queueMs: 30_000 },
    });

    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) => readStream(registries[index % 3]!.stream(ask(`question ${index}`)))),
    );

    const answered = results.filter((result) => result.error === undefined);
    const refused = results.filter((result) => ConcurrencyLimitError.isInstance((result.error as { cause?: unknown })?.cause));
    expect(answered.length + refused.length).toBe(200);
    expect(answered.length).toBeGreaterThan(150);
    expect(counter.peak).toBe(4);
    expect(counter.open).toBe(0);
    expect(logLines.flat().filter((line) => line.startsWith('warn'))).toEqual([]);
    for (const registry of registries) expect((await registry.refreshHealth())[0]).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('never stores a prompt or an answer in Redis', async () => {
    const secretAnswer = 'answer-7f3a-do-not-store';
    const space = createFakeProvider({
      name: 'Space',
      metadata: { maxConcurrency: 2 },
      script: (index) => (index % 3 === 2 ? [fail(down)] : [text(secretAnswer), finish()]),
    });
    const { registries } = await threeGateways([space]);
    const secretPrompt = 'prompt-91c2-do-not-store';
    await Promise.all(registries.flatMap((registry) => [1, 2, 3].map(() => readStream(registry.stream(ask(secretPrompt))))));
    await registries[0]!.setWorking('Space', true);

    const dump = await dumpRedis(redis.url);
    const everything = [...dump].flat().join('\n');
    expect(dump.size).toBeGreaterThan(0);
    expect(everything).toContain(`shared-${round}:circuit:Space`);
    expect(everything).not.toContain(secretPrompt);
    expect(everything).not.toContain(secretAnswer);
    expect(everything).not.toContain('do-not-store');
  });
});
