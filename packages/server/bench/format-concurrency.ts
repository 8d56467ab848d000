import type { ConcurrencyResult } from './measure-concurrency.js';
import { againstGoal, count, markdownTable } from './markdown-table.js';

const goalKiBPerStream = 100;

/** Part 2 as markdown. */
export function formatConcurrency(result: ConcurrencyResult): string {
  const kib = (bytes: number) => `${count(bytes / 1024)} KiB`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const perStream = (result.held.rssBytes - result.idle.rssBytes) / result.streams / 1024;
  const peakPerStream = (result.peakRssBytes - result.idle.rssBytes) / result.streams / 1024;
  const { outcome } = result;
  const allRight = outcome.right === result.streams && outcome.failed === 0;
  const firstFailure = outcome.firstFailure === undefined ? '' : ` (first: ${outcome.firstFailure})`;
  const rows = [
    ['streams held open at once (each mid-answer, held by the Space)', `${count(result.streams)} (${count(result.heldInSpace)} held in the Space)`],
    ['time to open them all (100 at a time, until each showed text)', `${count(result.openMs)} ms`],
    ['answers right / failed', againstGoal(`${count(outcome.right)} / ${count(outcome.failed)}`, allRight) + firstFailure],
    ['time from release to the last answer', `${count(outcome.finishMs)} ms`],
    ['gateway RSS idle → with every stream held', `${mib(result.idle.rssBytes)} → ${mib(result.held.rssBytes)}`],
    [`RSS per open stream (goal < ${goalKiBPerStream} KiB)`, againstGoal(`${perStream.toFixed(1)} KiB`, perStream < goalKiBPerStream)],
    ['peak RSS of the run, per stream over idle', `${mib(result.peakRssBytes)}, ${peakPerStream.toFixed(1)} KiB`],
    ['gateway heap used idle → held', `${mib(result.idle.heapUsedBytes)} → ${mib(result.held.heapUsedBytes)}`],
    ['gateway sockets: held → all answers ended (client keep-alive still open)', `${count(result.held.sockets)} → ${count(result.socketsAfterStreams)}`],
    [
      'gateway sockets after the client exited',
      againstGoal(`${count(result.socketsAtEnd)} (after ${(result.settleMs / 1000).toFixed(1)} s)`, result.socketsAtEnd === 0),
    ],
    ['Space data streams still open at the end', againstGoal(count(result.spaceStreamsAtEnd), result.spaceStreamsAtEnd === 0)],
  ];
  const table = markdownTable([`${count(result.streams)} concurrent streams through one gateway process`, ''], rows);
  const footnote = `${kib(result.held.rssBytes - result.idle.rssBytes)} over idle in all; ${result.tokens}-token answers, each held by the Space after its 2nd token.`;
  return `${table}\n\n${footnote}`;
}
