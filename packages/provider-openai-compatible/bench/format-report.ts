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
    `${settings.warmUp.runs} runs and ${settings.warmUp.ms / 1000} s; every run's final text checked; MB = 10^6 bytes.`;
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
      (report.peakRssBytes / 1e6).toFixed(0),
    ];
  });
  return table(['mode', 'chunks', 'MB/s', 'chunks/s', 'median ms', 'min–max ms', 'peak RSS MB'], rows);
}

function ratioTable(measurements: readonly Measurement[], cases: readonly BenchCase[]): string {
  const speedOver = (key: string, benchCase: BenchCase) => timeOf(measurements, key, benchCase) / timeOf(measurements, 'b', benchCase);
  const row = (name: string, ratio: (benchCase: BenchCase) => number, target?: number) => [
    name,
    ...cases.map((benchCase) => {
      const value = ratio(benchCase);
      return target === undefined ? value.toFixed(2) : `${value.toFixed(2)} ${value >= target ? '✓' : '✗'}`;
    }),
    target === undefined ? '' : `≥ ${target}`,
  ];
  return table(
    ['speed ratio', ...cases.map((benchCase) => `${count(benchCase.chunks)} chunks`), 'goal'],
    [
      row('b/c (provider over openai)', (benchCase) => speedOver('c', benchCase)),
      row('b/d (provider over the AI SDK)', (benchCase) => speedOver('d', benchCase)),
      row('b over the faster of c and d', (benchCase) => Math.min(speedOver('c', benchCase), speedOver('d', benchCase)), speedGoal),
      row('b/a (share of the bytes-only speed)', (benchCase) => 1 / speedOver('a', benchCase)),
    ],
  );
}

function timeOf(measurements: readonly Measurement[], key: string, benchCase: BenchCase): number {
  const found = measurements.find((measurement) => measurement.mode.key === key && measurement.benchCase.chunks === benchCase.chunks);
  return found === undefined ? Number.NaN : median(found.report.timesMs);
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
