import { benchSettings } from './bench-settings.js';
import { formatOverhead } from './format-overhead.js';
import { loadAverage, machineInfo } from './machine-info.js';
import { measureOverhead } from './measure-overhead.js';
import { formatConcurrency } from './format-concurrency.js';
import { measureConcurrency } from './measure-concurrency.js';
import { formatPeer } from './format-peer.js';
import { measurePeer } from './measure-peer.js';

const settings = benchSettings();
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const loadAtStart = loadAverage();
const sections: string[] = [];
if (settings.parts.has('overhead')) {
  const overhead = await measureOverhead(settings, log);
  sections.push('### Gateway overhead against the registry in process\n', formatOverhead(overhead, settings.runs));
}
if (settings.parts.has('streams')) {
  const concurrency = await measureConcurrency(settings, log);
  sections.push('', `### ${settings.concurrentStreams.toLocaleString('en-US')} concurrent streams through one gateway\n`, formatConcurrency(concurrency));
}
if (settings.parts.has('peer')) {
  const peer = await measurePeer(settings, log);
  sections.push('', '### Against a peer gateway (OpenAI-compatible upstream)\n', formatPeer(peer));
}
const machine = `${machineInfo()}; load average ${loadAtStart} at start, ${loadAverage()} at end`;
process.stdout.write(`${[`Machine: ${machine}.`, '', ...sections].join('\n')}\n`);
