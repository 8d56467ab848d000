import { availableParallelism, loadavg } from 'node:os';
import type { ProviderRegistry } from '@switchboard/core';
import { createRedisRoutingStore } from '../src/index.js';
import { startRedisServer } from '../src/testing/index.js';
import { benchRegistry, streamOnce } from './bench-registry.js';
import { percentile } from './percentile.js';

/**
 * Added latency and throughput of the Redis routing store against the in-memory one, in
 * the same run: a provider that answers at once, so what is measured is routing and
 * store work. Sequential requests give latency (p50, p99); 64 requests in flight give
 * requests per second. Runs `BENCH_ROUNDS` rounds (default 3), alternating the stores.
 * Each request ends with a turn of the event loop, as a request served from a socket
 * does: a loop of promise callbacks alone would never let timers or replies through.
 * The store's operation timeout is 500 ms (`BENCH_OPERATION_TIMEOUT_MS`) so that a busy
 * machine measures Redis rather than the local fallback; outages are reported.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const sequential = 3_000;
const concurrent = 6_000;
const inFlight = 64;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function latencies(registry: ProviderRegistry): Promise<number[]> {
  const values: number[] = [];
  for (let index = 0; index < sequential; index += 1) {
    const startedAt = performance.now();
    await streamOnce(registry);
    values.push(performance.now() - startedAt);
    await nextTurn();
  }
  return values;
}

async function throughput(registry: ProviderRegistry): Promise<number> {
  let started = 0;
  const startedAt = performance.now();
  const worker = async () => {
    while (started < concurrent) {
      started += 1;
      await streamOnce(registry);
      await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return concurrent / ((performance.now() - startedAt) / 1000);
}

const redis = await startRedisServer();
const outages: string[] = [];
const store = createRedisRoutingStore({
  url: redis.url,
  prefix: 'bench:',
  operationTimeoutMs: Number(process.env.BENCH_OPERATION_TIMEOUT_MS ?? 500),
  logger: { info: () => undefined, warn: (line) => outages.push(line) },
});
while (!store.status().connected) await new Promise((resolve) => setTimeout(resolve, 10));

const variants: Array<[string, ProviderRegistry]> = [
  ['memory', benchRegistry(undefined)],
  ['redis', benchRegistry(store)],
  ['memory + maxConcurrency', benchRegistry(undefined, 1_000)],
  ['redis + maxConcurrency', benchRegistry(store, 1_000)],
];
const results = new Map<string, { p50: number[]; p99: number[]; rps: number[] }>();
try {
  for (const [, registry] of variants) await latencies(registry);
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, registry] of variants) {
      const values = await latencies(registry);
      const rps = await throughput(registry);
      const result = results.get(name) ?? { p50: [], p99: [], rps: [] };
      result.p50.push(percentile(values, 0.5));
      result.p99.push(percentile(values, 0.99));
      result.rps.push(rps);
      results.set(name, result);
    }
  }
} finally {
  await store.close();
  await redis.stop();
}

const median = (values: number[]) => percentile(values, 0.5);
console.log(`Routing store benchmark: ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)}, Node ${process.version}, ${rounds} rounds (median shown)`);
console.log(`sequential: ${sequential} requests per round; throughput: ${concurrent} requests, ${inFlight} in flight`);
console.log('store                     p50 ms   p99 ms   requests/s');
for (const [name, result] of results) {
  console.log(
    `${name.padEnd(24)} ${median(result.p50).toFixed(3).padStart(7)}  ${median(result.p99).toFixed(3).padStart(7)}  ${Math.round(median(result.rps)).toString().padStart(10)}`,
  );
}
if (outages.length > 0) console.log(`Redis counted as unreachable ${outages.length} time(s) during the run: the figures mix in local state.`);
