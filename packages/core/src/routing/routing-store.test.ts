import { describe, expect, it } from 'vitest';
import { AsyncStore } from '../../test/async-store.js';
import { registryWith } from '../../test/registry-with.js';
import { UpstreamHttpError } from '../errors/upstream-http-error.js';
import type { RegistryOptions } from '../spec/registry-options.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import { ask, createFakeProvider, createManualTime, fail, finish, readStream, text, type FakeStep } from '../testing/index.js';
import { MemoryRoutingStore } from './memory-routing-store.js';

const down = new UpstreamHttpError(503, 'Service Unavailable');
const circuit = { failureThreshold: 2, cooldownMs: 1_000 };

function setup(script: (index: number) => readonly FakeStep[], options: RegistryOptions = {}) {
  const time = createManualTime(5_000);
  const events: RoutingEvent[] = [];
  const flaky = createFakeProvider({ name: 'Flaky', script, scheduler: time.scheduler });
  const backup = createFakeProvider({ name: 'Backup', script: [text('backup'), finish()] });
  const registry = registryWith([flaky, backup], {
    retry: { maxAttempts: 1 },
    circuit,
    clock: time.clock,
    scheduler: time.scheduler,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { time, events, flaky, registry };
}

describe('routing store', () => {
  it('routes the same over a store that answers with promises', async () => {
    const store = new AsyncStore(new MemoryRoutingStore());
    const { time, events, flaky, registry } = setup((index) => (index < 2 ? [fail(down)] : [text('back'), finish()]), {
      store,
      maxConcurrency: { Flaky: 1 },
    });
    expect(await registry.complete(ask())).toBe('backup');
    expect(await registry.complete(ask())).toBe('backup');
    expect(events).toContainEqual({ type: 'circuit-opened', provider: 'Flaky', untilMs: 6_000 });
    expect(await registry.complete(ask())).toBe('backup');
    expect(flaky.calls).toHaveLength(2);

    await time.advance(1_000);
    expect(await registry.complete(ask())).toBe('back');
    expect(events).toContainEqual({ type: 'circuit-closed', provider: 'Flaky' });
    expect(registry.health()[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0, inFlight: 0 });
    expect(store.calls).toEqual(expect.arrayContaining(['enter', 'acquireLease', 'fail', 'succeed']));
  });

  it('keeps answering when every store call fails: admitted, nothing counted', async () => {
    const store = new AsyncStore(new MemoryRoutingStore());
    store.reject = true;
    const { flaky, registry } = setup(() => [fail(down)], { store, maxConcurrency: { Flaky: 1 } });
    for (let round = 0; round < 3; round += 1) expect(await registry.complete(ask())).toBe('backup');
    expect(flaky.calls).toHaveLength(3);
    await expect(registry.setWorking('Flaky', false)).resolves.toBeUndefined();
  });

  it('forwards store events to the registry listener until the store is replaced', () => {
    const store = new AsyncStore(new MemoryRoutingStore());
    const { events, registry } = setup(() => [], { store });
    const reason = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    store.emit({ type: 'store-unavailable', store: 'async-test', reason });
    expect(events).toEqual([{ type: 'store-unavailable', store: 'async-test', reason }]);
    expect(registry.storeStatus()).toEqual({ kind: 'async-test', shared: true, connected: true });

    registry.configure({ store: undefined });
    expect(store.subscribers).toBe(0);
    expect(registry.storeStatus()).toEqual({ kind: 'memory', shared: false, connected: true });
  });

  it('never moves an open deadline earlier', () => {
    const store = new MemoryRoutingStore();
    const settings = { failureThreshold: 1, cooldownMs: 60_000 };
    expect(store.fail({ provider: 'P', trial: false }, 0, settings)).toEqual({ type: 'opened', untilMs: 60_000 });
    const verdict = store.enter('P', 60_000, true);
    expect(verdict).toEqual({ type: 'admitted', ticket: { provider: 'P', trial: true } });
    expect(store.fail({ provider: 'P', trial: true }, 30_000, { failureThreshold: 1, cooldownMs: 10_000 })).toEqual({
      type: 'opened',
      untilMs: 60_000,
    });
    expect(store.fail({ provider: 'P', trial: true }, 60_000, settings)).toEqual({ type: 'opened', untilMs: 120_000 });
    expect(store.snapshot('P', 70_000)).toMatchObject({ state: 'open', openUntil: 120_000, consecutiveFailures: 3 });
  });

  it('lets a second stream wait behind a slow store answer without losing its turn', async () => {
    const store = new AsyncStore(new MemoryRoutingStore());
    const { time, registry } = setup((index) => [text(`answer ${index}`, 50), finish()], { store, maxConcurrency: { Flaky: 1 } });
    const readings = [readStream(registry.stream(ask())), readStream(registry.stream(ask()))];
    await time.advance(50);
    await time.advance(50);
    const results = await Promise.all(readings);
    expect(results.map((result) => result.parts.filter((part) => part.type === 'text-delta'))).toEqual([
      [{ type: 'text-delta', text: 'answer 0' }],
      [{ type: 'text-delta', text: 'answer 1' }],
    ]);
  });
});
