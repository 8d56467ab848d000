import type { BenchCase, WarmUp, WorkerReport } from './bench-case.js';
import type { BenchModeInfo } from './bench-modes.js';
import { median } from './median.js';

/** One mode measured on one case. */
export interface Measurement {
  mode: BenchModeInfo;
  benchCase: BenchCase;
  report: WorkerReport;
}

/** How the measurements were taken. */
export interface BenchSettings {
  machine: string;
  runs: number;
  warmUp: WarmUp;
}

/** The goal set for the provider: this many times the speed of the faster of the official client and the AI SDK. */
export const speedGoal = 1.5;

/** The bench's results as markdown: the machine, the method, the measurements and the speed ratios. */
export function formatReport(measurements: readonly Measurement[], cases: readonly BenchCase[], settings: BenchSettings): string {
  const bodies = cases.map((benchCase) => `${count(benchCase.chunks)} chunks = ${megabytes(benchCase.bodyBytes)} MB in ${count(benchCase.events)} events`);
  const method =
    `Each mode in its own process; median of ${settings.runs} timed runs after a warm-up of at least ` +
    `${settings.warmUp.runs} runs and ${settings.warmUp.ms / 1000} s; every run's final text checked; MB = 10^6 bytes. ` +
    'CPU time counts every thread of the reader process; on a busy machine its ratios are the steadier ones.';
  const sections = [
    '## OpenAI-style chat stream over loopback',
    `Machine: ${settings.machine}`,
    `Bodies: ${bodies.join('; ')}. ${method}`,
    measurementTable(measurements),
    ratioTable(measurements, cases),
  ];
  return `${sections.join('\n\n')}\n`;
}

function measurementTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map(({ mode, benchCase, report }) => {
    const seconds = median(report.timesMs) / 1000;
    return [
      mode.label,
      count(benchCase.chunks),
      (benchCase.bodyBytes / 1e6 / seconds).toFixed(1),
      count(Math.round(benchCase.chunks / seconds)),
      (seconds * 1000).toFixed(1),
      `${Math.min(...report.timesMs).toFixed(0)}–${Math.max(...report.timesMs).toFixed(0)}`,
      median(report.cpuTimesMs).toFixed(1),
      (report.peakRssBytes / 1e6).toFixed(0),
    ];
  });
  return table(['mode', 'chunks', 'MB/s', 'chunks/s', 'median ms', 'min–max ms', 'median CPU ms', 'peak RSS MB'], rows);
}

type Clock = 'wall' | 'cpu';

function ratioTable(measurements: readonly Measurement[], cases: readonly BenchCase[]): string {
  const speedOver = (key: string, benchCase: BenchCase, clock: Clock) =>
    timeOf(measurements, key, benchCase, clock) / timeOf(measurements, 'b', benchCase, clock);
  const overFaster = (benchCase: BenchCase, clock: Clock) => Math.min(speedOver('c', benchCase, clock), speedOver('d', benchCase, clock));
  const row = (name: string, ratio: (benchCase: BenchCase) => number, goal?: number) => [
    name,
    ...cases.map((benchCase) => {
      const value = ratio(benchCase);
      return goal === undefined ? value.toFixed(2) : `${value.toFixed(2)} ${value >= goal ? '✓' : '✗'}`;
    }),
    goal === undefined ? '' : `≥ ${goal}`,
  ];
  return table(
    ['speed ratio', ...cases.map((benchCase) => `${count(benchCase.chunks)} chunks`), 'goal'],
    [
      row('b/c (provider over openai), wall clock', (benchCase) => speedOver('c', benchCase, 'wall')),
      row('b/c, CPU time', (benchCase) => speedOver('c', benchCase, 'cpu')),
      row('b/d (provider over the AI SDK), wall clock', (benchCase) => speedOver('d', benchCase, 'wall')),
      row('b/d, CPU time', (benchCase) => speedOver('d', benchCase, 'cpu')),
      row('b over the faster of c and d, wall clock', (benchCase) => overFaster(benchCase, 'wall'), speedGoal),
      row('b over the faster of c and d, CPU time', (benchCase) => overFaster(benchCase, 'cpu'), speedGoal),
      row('b/a (share of the bytes-only speed), wall clock', (benchCase) => speedOver('a', benchCase, 'wall')),
    ],
  );
}

function timeOf(measurements: readonly Measurement[], key: string, benchCase: BenchCase, clock: Clock): number {
  const found = measurements.find((measurement) => measurement.mode.key === key && measurement.benchCase.chunks === benchCase.chunks);
  if (found === undefined) return Number.NaN;
  return median(clock === 'wall' ? found.report.timesMs : found.report.cpuTimesMs);
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const alignment = header.map((name, index) => (index === 0 || name === 'goal' ? '---' : '---:'));
  return [header, alignment, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}
