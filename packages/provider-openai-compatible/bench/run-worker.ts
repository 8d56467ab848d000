import { benchAnswer } from './bench-answer.js';
import type { WorkerInput, WorkerReport } from './bench-case.js';

/** How one mode reads an answer: `run` is timed, `prepare` and `dispose` are not. */
export interface BenchMode<Prepared> {
  prepare(input: WorkerInput): Promise<Prepared> | Prepared;
  /** Reads the whole answer and returns what it produced: the final text, or the number of bytes read. */
  run(prepared: Prepared, input: WorkerInput): Promise<string | number>;
  dispose?(prepared: Prepared): Promise<void> | void;
}

/**
 * The body of a worker process: reads its input from the first argument, warms `mode` up
 * (at least `warmUp.runs` runs and `warmUp.ms` milliseconds), then times `runs` runs. Every
 * result, warm-up included, is checked against the expected text (or body size); the
 * {@link WorkerReport} is the last line of stdout.
 */
export async function runWorker<Prepared>(mode: BenchMode<Prepared>): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '') as WorkerInput;
  const expectedText = benchAnswer(input.benchCase.chunks);
  const runOnce = async () => {
    const prepared = await mode.prepare(input);
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const result = await mode.run(prepared, input);
    const elapsedMs = performance.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    await mode.dispose?.(prepared);
    check(result, expectedText, input);
    return { elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const warmUpStart = performance.now();
  for (let run = 0; run < input.warmUp.runs || performance.now() - warmUpStart < input.warmUp.ms; run++) await runOnce();
  const timesMs: number[] = [];
  const cpuTimesMs: number[] = [];
  for (let run = 0; run < input.runs; run++) {
    const { elapsedMs, cpuMs } = await runOnce();
    timesMs.push(elapsedMs);
    cpuTimesMs.push(cpuMs);
  }
  const report: WorkerReport = { timesMs, cpuTimesMs, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function check(result: string | number, expectedText: string, input: WorkerInput): void {
  if (typeof result === 'number') {
    if (result !== input.benchCase.bodyBytes) throw new Error(`read ${result} bytes, expected ${input.benchCase.bodyBytes}`);
    return;
  }
  if (result === expectedText) return;
  let at = 0;
  while (at < result.length && result[at] === expectedText[at]) at++;
  throw new Error(
    `the final text differs from the answer at character ${at} (${result.length} characters, expected ${expectedText.length}): ` +
      `${JSON.stringify(result.slice(at, at + 40))} instead of ${JSON.stringify(expectedText.slice(at, at + 40))}`,
  );
}
