import { againstGoal, count, markdownTable, milliseconds } from './markdown-table.js';
import type { OverheadResult, OverheadSeries } from './measure-overhead.js';
import { median, percentile } from './statistics.js';
import type { ReaderMode } from './workers/answer-reader.js';

const goals = { throughputRatio: 0.8, addedFirstTokenP50Ms: 2 };

const readerLabels: Record<ReaderMode, string> = {
  'in-process': 'registry in process',
  gateway: 'gateway, openai client',
  'gateway-raw': 'gateway, undici + minimal parse',
};

/** Part 1 as markdown: throughput of long answers, then the time to first token. */
export function formatOverhead({ throughput, firstToken }: OverheadResult, runs: number): string {
  return [
    `Long answers (median of ${runs} runs per reader; the readers take turns; CPU is per answer):`,
    '',
    markdownTable(
      ['answer', 'reader', 'time', 'tokens/s', `throughput ratio (goal ≥ ${goals.throughputRatio} for the openai client)`, 'reader CPU', 'gateway CPU'],
      throughput.flatMap(throughputRows),
    ),
    '',
    `Time to first token over ${count(firstToken.readers['in-process'].firstTokenMs.length)} ${firstToken.tokens}-token answers per reader, taking turns:`,
    '',
    markdownTable(['reader', 'p50', 'p99', 'added p50', 'added p99'], firstTokenRows(firstToken)),
  ].join('\n');
}

function throughputRows(series: OverheadSeries): string[][] {
  const inProcessMs = median(series.readers['in-process'].elapsedMs);
  return (Object.keys(readerLabels) as ReaderMode[]).map((mode) => {
    const reader = series.readers[mode];
    const elapsedMs = median(reader.elapsedMs);
    const ratio = inProcessMs / elapsedMs;
    const ratioCell = mode === 'in-process' ? '1' : mode === 'gateway' ? againstGoal(ratio.toFixed(2), ratio >= goals.throughputRatio) : ratio.toFixed(2);
    return [
      `${count(series.tokens)} tokens`,
      readerLabels[mode],
      `${count(elapsedMs)} ms`,
      count((series.tokens * 1000) / elapsedMs),
      ratioCell,
      `${count(reader.cpuMsPerAnswer)} ms`,
      mode === 'in-process' ? '' : `${count(series.gatewayCpuMsPerAnswer)} ms`,
    ];
  });
}

function firstTokenRows(series: OverheadSeries): string[][] {
  const at = (mode: ReaderMode, fraction: number) => percentile(series.readers[mode].firstTokenMs, fraction);
  return (Object.keys(readerLabels) as ReaderMode[]).map((mode) => {
    if (mode === 'in-process') return [readerLabels[mode], milliseconds(at(mode, 0.5), 2), milliseconds(at(mode, 0.99), 2), '', ''];
    const addedP50 = at(mode, 0.5) - at('in-process', 0.5);
    const addedP99 = at(mode, 0.99) - at('in-process', 0.99);
    const p50Cell = mode === 'gateway' ? againstGoal(milliseconds(addedP50, 2), addedP50 < goals.addedFirstTokenP50Ms) : milliseconds(addedP50, 2);
    return [readerLabels[mode], milliseconds(at(mode, 0.5), 2), milliseconds(at(mode, 0.99), 2), p50Cell, milliseconds(addedP99, 2)];
  });
}
