/** What a bench run measures and how often; each can be set from the environment. */
export interface BenchSettings {
  /** Timed runs of each long answer per reader (`BENCH_RUNS`, default 5). */
  runs: number;
  /** Least warm-up time before timing (`BENCH_WARM_UP_MS`, default 1000), and at least 3 warm-up runs. */
  warmUpMs: number;
  /** Long answer sizes, in tokens (`BENCH_ANSWER_SIZES`, default `20000,100000`). */
  answerSizes: readonly number[];
  /** Short requests for time to first token (`BENCH_FIRST_TOKEN_REQUESTS`, default 200). */
  firstTokenRequests: number;
  /** Streams held open at once through one gateway (`BENCH_STREAMS`, default 1000). */
  concurrentStreams: number;
  /** Requests per target and run in the peer comparison (`BENCH_PEER_REQUESTS`, default 1000). */
  peerRequests: number;
  /** Requests in flight at once in the peer comparison (`BENCH_PEER_CONCURRENCY`, default 16). */
  peerConcurrency: number;
  /** Sequential requests per target for the peer comparison's latency (`BENCH_PEER_LATENCY_REQUESTS`, default 200). */
  peerLatencyRequests: number;
  /** Start part 1's gateway under `node --cpu-prof`, profiles in `bench/dist/profiles` (`BENCH_CPU_PROF=1`). */
  cpuProfile: boolean;
  /** Parts to run (`BENCH_PARTS`, e.g. `overhead,streams,peer`; default all). */
  parts: ReadonlySet<string>;
}

function numbersFrom(name: string, fallback: readonly number[]): number[] {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return [...fallback];
  return text.split(',').map((item) => {
    const value = Number(item);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be positive whole numbers, not ${JSON.stringify(text)}`);
    return value;
  });
}

function numberFrom(name: string, fallback: number): number {
  return numbersFrom(name, [fallback])[0]!;
}

/** The settings from the environment, defaults filled in. */
export function benchSettings(): BenchSettings {
  const parts = (process.env.BENCH_PARTS ?? 'overhead,streams,peer').split(',').map((part) => part.trim());
  return {
    runs: numberFrom('BENCH_RUNS', 5),
    warmUpMs: numberFrom('BENCH_WARM_UP_MS', 1000),
    answerSizes: numbersFrom('BENCH_ANSWER_SIZES', [20_000, 100_000]),
    firstTokenRequests: numberFrom('BENCH_FIRST_TOKEN_REQUESTS', 200),
    concurrentStreams: numberFrom('BENCH_STREAMS', 1000),
    peerRequests: numberFrom('BENCH_PEER_REQUESTS', 1000),
    peerConcurrency: numberFrom('BENCH_PEER_CONCURRENCY', 16),
    peerLatencyRequests: numberFrom('BENCH_PEER_LATENCY_REQUESTS', 200),
    cpuProfile: process.env.BENCH_CPU_PROF === '1',
    parts: new Set(parts),
  };
}
