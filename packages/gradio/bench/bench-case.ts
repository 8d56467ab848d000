/** One answer size the bench measures, as the bench server rendered it. */
export interface BenchCase {
  /** Appended tokens, one generating message each. */
  tokens: number;
  query: string;
  /** Bytes of the data stream's body. */
  bodyBytes: number;
  /** SSE messages in the body. */
  messages: number;
}

/** What a worker is given: where the Space is, which case to run, and how many runs. */
export interface WorkerInput {
  url: string;
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
  timesMs: number[];
  /** Peak resident set size of the worker process, in bytes. */
  peakRssBytes: number;
}

/** The system prompt every request sends. */
export const benchSystemPrompt = 'You are a helpful assistant.';
