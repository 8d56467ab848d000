import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectedStores } from '../test/connected-stores.js';
import { buildGatewayChild, startGatewayProcess, type GatewayChildSettings, type GatewayProcess } from '../test/gateway-process.js';
import { startUpstream, type TestUpstream } from '../test/start-upstream.js';
import { waitUntil } from '../test/wait-until.js';
import { startRedisServer, type TestRedisServer } from './testing/index.js';

describe('gateway processes sharing one Redis', () => {
  let redis: TestRedisServer;
  let upstream: TestUpstream;
  const stores = connectedStores();
  const children: GatewayProcess[] = [];
  let round = 0;

  beforeAll(async () => {
    buildGatewayChild();
    redis = await startRedisServer();
  }, 60_000);
  afterEach(async () => {
    round += 1;
    await Promise.all(children.splice(0).map((child) => child.kill('SIGTERM')));
    await stores.closeAll();
    await upstream.close();
  });
  afterAll(async () => {
    await redis.stop();
  });

  async function gateways(count: number, settings: Partial<GatewayChildSettings> = {}) {
    upstream = await startUpstream();
    const base = { redisUrl: redis.url, prefix: `processes-${round}:`, upstream: upstream.url, leaseTtlMs: 1_000, cooldownMs: 1_500 };
    const started = await Promise.all(Array.from({ length: count }, () => startGatewayProcess({ ...base, ...settings })));
    children.push(...started);
    return started;
  }

  it('opens the circuit in every process on failures seen by one, lets one trial through, and closes it for all', async () => {
    const [a, b, c] = (await gateways(3)) as [GatewayProcess, GatewayProcess, GatewayProcess];
    upstream.mode = 'fail';
    for (let index = 0; index < 3; index += 1) expect(await a.send('complete')).toMatchObject({ text: 'local' });
    expect(upstream.hits).toBe(3);

    for (const gateway of [b, c]) {
      const { health } = (await gateway.send('health')) as { health: Array<{ provider: string; state: string }> };
      expect(health.find((report) => report.provider === 'Upstream')).toMatchObject({ state: 'open', consecutiveFailures: 3 });
      expect(await gateway.send('complete')).toMatchObject({ text: 'local' });
    }
    expect(upstream.hits).toBe(3);

    upstream.mode = 'answer';
    upstream.delayMs = 300;
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const answers = await Promise.all([a, b, c, a, b, c].map((gateway) => gateway.send('complete')));
    expect(upstream.hits).toBe(4);
    expect(answers.filter((answer) => answer.text === 'upstream says hi')).toHaveLength(1);

    upstream.delayMs = 0;
    for (const gateway of [a, b, c]) expect(await gateway.send('complete')).toMatchObject({ text: 'upstream says hi' });
    expect(upstream.hits).toBe(7);
  }, 30_000);

  it('frees the slots of a process killed with leases held within the lease time', async () => {
    const [doomed] = (await gateways(1, { maxConcurrency: 3 })) as [GatewayProcess];
    upstream.mode = 'hang';
    void doomed.send('complete');
    void doomed.send('complete');
    void doomed.send('complete');
    await waitUntil(() => upstream.open === 3, 'three requests hang at the upstream');

    const store = await stores.open(redis.url, { prefix: `processes-${round}:`, leaseTtlMs: 1_000 });
    expect(await store.acquireLease('Upstream', 3)).toBeUndefined();
    await store.refresh(['Upstream']);
    expect(store.snapshot('Upstream', Date.now()).leasesInUse).toBe(3);

    await doomed.kill('SIGKILL');
    const killedAt = Date.now();
    await waitUntil(
      async () => {
        await store.refresh(['Upstream']);
        return store.snapshot('Upstream', Date.now()).leasesInUse === 0;
      },
      'the killed process’s leases expire',
    );
    const freedAfterMs = Date.now() - killedAt;
    expect(freedAfterMs).toBeLessThan(1_000 + 500);
    expect(freedAfterMs).toBeGreaterThan(300);
    expect(upstream.open).toBe(0);

    const slots = await Promise.all([1, 2, 3, 4].map(() => store.acquireLease('Upstream', 3)));
    expect(slots.filter((slot) => slot !== undefined)).toHaveLength(3);
  }, 30_000);
});
