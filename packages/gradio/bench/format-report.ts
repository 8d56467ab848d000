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

const targets = { overParseFloor: 0.9, overOfficialClient: 2, growth: 6 };

/** The bench's results as markdown: the machine, the measurements, the ratios against the targets. */
export function formatReport(measurements: readonly Measurement[], cases: readonly BenchCase[], settings: BenchSettings): string {
  const bodies = cases.map(
    (benchCase) => `${count(benchCase.tokens)} tokens = ${megabytes(benchCase.bodyBytes)} MB in ${count(benchCase.messages)} messages`,
  );
  const method =
    `Each mode in its own process; median of ${settings.runs} timed runs after a warm-up of at least ` +
    `${settings.warmUp.runs} runs and ${settings.warmUp.ms / 1000} s; MB = 10^6 bytes.`;
  const sections = [
    '## Gradio 4.36 chat answer over loopback',
    `Machine: ${settings.machine}`,
    `Bodies: ${bodies.join('; ')}. ${method}`,
    measurementTable(measurements),
    ratioTable(measurements, cases),
    growthTable(measurements, cases),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function measurementTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map(({ mode, benchCase, report }) => {
    const seconds = median(report.timesMs) / 1000;
    return [
      mode.label,
      count(benchCase.tokens),
      (benchCase.bodyBytes / 1e6 / seconds).toFixed(1),
      count(Math.round(benchCase.messages / seconds)),
      (seconds * 1000).toFixed(1),
      `${Math.min(...report.timesMs).toFixed(0)}–${Math.max(...report.timesMs).toFixed(0)}`,
      (report.peakRssBytes / 1e6).toFixed(0),
    ];
  });
  return table(['mode', 'tokens', 'MB/s', 'messages/s', 'median ms', 'min–max ms', 'peak RSS MB'], rows);
}

function ratioTable(measurements: readonly Measurement[], cases: readonly BenchCase[]): string {
  const row = (name: string, other: string, target: number) => [
    name,
    ...cases.map((benchCase) => mark(timeOf(measurements, other, benchCase.tokens) / timeOf(measurements, 'c', benchCase.tokens), target, 'at-least')),
    `≥ ${target}`,
  ];
  return table(
    ['speed ratio', ...cases.map((benchCase) => `${count(benchCase.tokens)} tokens`), 'target'],
    [row('c/b (ours over the parse floor)', 'b', targets.overParseFloor), row('c/d (ours over @gradio/client)', 'd', targets.overOfficialClient)],
  );
}

function growthTable(measurements: readonly Measurement[], cases: readonly BenchCase[]): string {
  const small = cases[0];
  const large = cases[cases.length - 1];
  if (small === undefined || large === undefined || small === large) return '';
  const modes = [...new Map(measurements.map((measurement) => [measurement.mode.key, measurement.mode])).values()];
  const rows = modes.map((mode) => {
    const ratio = timeOf(measurements, mode.key, large.tokens) / timeOf(measurements, mode.key, small.tokens);
    return mode.key === 'c' ? [mode.label, mark(ratio, targets.growth, 'at-most'), `≤ ${targets.growth}`] : [mode.label, ratio.toFixed(2), ''];
  });
  return table(['mode', `time at ${count(large.tokens)} / time at ${count(small.tokens)}`, 'target'], rows);
}

function timeOf(measurements: readonly Measurement[], key: string, tokens: number): number {
  const found = measurements.find((measurement) => measurement.mode.key === key && measurement.benchCase.tokens === tokens);
  return found === undefined ? Number.NaN : median(found.report.timesMs);
}

function table(header: string[], rows: string[][]): string {
  const alignment = header.map((_, index) => (index === 0 || header[index] === 'target' ? '---' : '---:'));
  return [header, alignment, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function mark(value: number, target: number, direction: 'at-least' | 'at-most'): string {
  const met = direction === 'at-least' ? value >= target : value <= target;
  return `${value.toFixed(2)} ${met ? '✓' : '✗'}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}
