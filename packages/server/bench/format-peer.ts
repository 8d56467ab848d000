import { count, markdownTable, milliseconds } from './markdown-table.js';
import { peerTargetNames, type PeerResult, type PeerSeries } from './measure-peer.js';
import { peerAnswer } from './peer-answer.js';
import { median, percentile } from './statistics.js';

/** Part 3 as markdown: one table per mode, then what the peer could not do. */
export function formatPeer(result: PeerResult): string {
  const sections = result.modes.flatMap(({ stream, series }) => {
    const direct = series.find((entry) => entry.target === peerTargetNames.direct);
    const latencyLabel = stream ? 'first chunk' : 'whole response';
    return [
      `${stream ? 'Streaming' : 'Non-streaming'} (latency: until the ${latencyLabel}):`,
      '',
      markdownTable(
        ['target', 'requests/s', 'latency p50', 'latency p99', 'added p50', 'added p99', 'failed'],
        series.map((entry) => row(entry, direct)),
      ),
      '',
    ];
  });
  const notes = result.peerNotes.map((note) => `- ${note}`);
  return [
    `The official \`openai\` client in one process, ${count(result.requests)} requests per run at ${result.concurrency} in flight, ` +
      `median of ${result.runs} runs (targets take turns); latency over ${count(result.latencyRequests)} requests per target, one at a time, taking turns. ` +
      `Each answer (${peerAnswer.tokens} bench tokens, ${peerAnswer.chunkChars} characters per streamed chunk) is checked.`,
    '',
    ...sections,
    ...(notes.length > 0 ? ['What the peer printed or could not do:', '', ...notes] : []),
  ].join('\n');
}

function row(entry: PeerSeries, direct: PeerSeries | undefined): string[] {
  const failed = entry.throughput.reduce((total, outcome) => total + outcome.failed, entry.latency.failed);
  const sent = entry.throughput.reduce((total, outcome) => total + outcome.requests, entry.latency.requests);
  const rates = entry.throughput.filter((outcome) => outcome.failed === 0).map((outcome) => (outcome.right * 1000) / outcome.elapsedMs);
  const firstFailure = entry.latency.firstFailure ?? entry.throughput.find((outcome) => outcome.firstFailure !== undefined)?.firstFailure;
  const failedCell = failed === 0 ? '0' : `${count(failed)} of ${count(sent)}${firstFailure === undefined ? '' : `: ${firstFailure}`}`;
  const latencies = entry.latency.firstByteMs;
  if (latencies.length === 0) return [entry.target, '—', '—', '—', '—', '—', failedCell];
  const at = (values: number[], fraction: number) => percentile(values, fraction);
  const added = (fraction: number) =>
    direct === undefined || direct === entry || direct.latency.firstByteMs.length === 0
      ? ''
      : milliseconds(at(latencies, fraction) - at(direct.latency.firstByteMs, fraction), 2);
  return [
    entry.target,
    rates.length === 0 ? '—' : count(median(rates)),
    milliseconds(at(latencies, 0.5), 2),
    milliseconds(at(latencies, 0.99), 2),
    added(0.5),
    added(0.99),
    failedCell,
  ];
}
