/** One answer size the bench measures, as the bench upstream rendered it. */
export interface BenchCase {
  /** Content chunks of the answer, one event each. */
  chunks: number;
  /** The model name that selects this answer. */
  model: string;
  /** Bytes of the response body. */
  bodyBytes: number;
  /** Server-sent events in the body, `[DONE]` included. */
  events: number;
}

/** What a worker is given: where the upstream is, which case to run, and how many runs. */
export interface WorkerInput {
  /** API base URL, e.g. `http://127.0.0.1:40123/v1`. */
  baseUrl: string;
  benchCase: BenchCase;
  /** Untimed runs first, until both bounds are reached, so that the code is compiled and the heap sized. */
  warmUp: WarmUp;
  /** Timed runs. */
  runs: number;
}

/** How long a worker warms up: at least `runs` runs and at least `ms` milliseconds. */
export interface WarmUp {
  runs: number;
  ms: number;
}

/** What a worker reports on its last line of stdout. */
export interface WorkerReport {
  /** Wall-clock time of each timed run. */
  timesMs: number[];
  /** CPU time (user + system, all threads) the worker process spent in each timed run. */
  cpuTimesMs: number[];
  /** Peak resident set size of the worker process, in bytes. */
  peakRssBytes: number;
}

/** The user message every request sends. */
export const benchPrompt = 'Write a long answer.';
