import type { BenchSettings } from './bench-settings.js';
import { benchScript, profileFolder } from './bench-script.js';
import { startChild, type ChildNode } from './child-node.js';
import type { ProcessUsage } from './process-usage.js';
import type { AnswerTiming, ReaderMode } from './workers/answer-reader.js';

/** What one reader measured on one answer size. */
export interface ReaderSeries {
  elapsedMs: number[];
  firstTokenMs: number[];
  /** CPU time of the reader's process per answer. */
  cpuMsPerAnswer: number;
}

/** One answer size, read by every reader in turn. */
export interface OverheadSeries {
  tokens: number;
  readers: Record<ReaderMode, ReaderSeries>;
  /** CPU time of the gateway process per answer it served. */
  gatewayCpuMsPerAnswer: number;
}

export interface OverheadResult {
  /** The long answers. */
  throughput: OverheadSeries[];
  /** The short answers, for the time to first token. */
  firstToken: OverheadSeries;
}

/** The readers, in the order of the report. */
export const readerModes: readonly ReaderMode[] = ['in-process', 'gateway', 'gateway-raw'];

const emptySeries = (): ReaderSeries => ({ elapsedMs: [], firstTokenMs: [], cpuMsPerAnswer: 0 });

const warmUpTokens = 2_000;
const firstTokenAnswerTokens = 8;
const firstTokenWarmUpRounds = 20;

/**
 * Part 1: the emulated Space in one process, a gateway over it in another, and three
 * readers, each in its own process: the registry in process (the Qwen provider straight to
 * the Space), the official `openai` client through the gateway, and undici with a minimal
 * SSE parse through the gateway. The readers take turns, so that they see the same load.
 */
export async function measureOverhead(settings: BenchSettings, log: (line: string) => void): Promise<OverheadResult> {
  const children: ChildNode<unknown>[] = [];
  const start = <Announcement>(script: string, args: string[], nodeOptions: string[] = []) => {
    const child = startChild<Announcement>(benchScript(script), args, nodeOptions);
    children.push(child);
    return child;
  };
  try {
    const space = start<string>('qwen-space-process', []);
    const spaceUrl = await space.announced;
    const profiling = settings.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileFolder}`] : [];
    const gateway = start<string>('gateway-process', ['qwen', spaceUrl], profiling);
    const gatewayUrl = await gateway.announced;
    const readers = readerModes.map((mode) => {
      const target = mode === 'in-process' ? spaceUrl : gatewayUrl;
      return { mode, child: start<string>('workers/answer-reader', [mode, target]) };
    });
    await Promise.all(readers.map(({ child }) => child.announced));

    const measure = async (tokens: number, rounds: number): Promise<OverheadSeries> => {
      const series: Record<ReaderMode, ReaderSeries> = { 'in-process': emptySeries(), gateway: emptySeries(), 'gateway-raw': emptySeries() };
      const cpuOf = async (child: ChildNode<unknown>) => (await child.call<ProcessUsage>('usage')).cpuMs;
      const cpuBefore = await Promise.all([gateway, ...readers.map(({ child }) => child)].map(cpuOf));
      for (let round = 0; round < rounds; round++) {
        for (let turn = 0; turn < readers.length; turn++) {
          const { mode, child } = readers[(round + turn) % readers.length]!;
          const timing = await child.call<AnswerTiming>('read', tokens);
          series[mode].elapsedMs.push(timing.elapsedMs);
          series[mode].firstTokenMs.push(timing.firstTokenMs);
        }
      }
      const cpuAfter = await Promise.all([gateway, ...readers.map(({ child }) => child)].map(cpuOf));
      readers.forEach(({ mode }, index) => (series[mode].cpuMsPerAnswer = (cpuAfter[index + 1]! - cpuBefore[index + 1]!) / rounds));
      const servedByGateway = rounds * readers.filter(({ mode }) => mode !== 'in-process').length;
      return { tokens, readers: series, gatewayCpuMsPerAnswer: (cpuAfter[0]! - cpuBefore[0]!) / servedByGateway };
    };

    log(`overhead: warming up (${warmUpTokens}-token answers, at least ${settings.warmUpMs} ms)`);
    const warmUpStart = performance.now();
    while (performance.now() - warmUpStart < settings.warmUpMs) await measure(warmUpTokens, 3);

    const throughput: OverheadSeries[] = [];
    for (const tokens of settings.answerSizes) {
      log(`overhead: ${tokens}-token answers, one untimed and ${settings.runs} timed runs per reader`);
      await space.call('forgetRequests');
      await measure(tokens, 1);
      throughput.push(await measure(tokens, settings.runs));
    }
    log(`overhead: time to first token, ${settings.firstTokenRequests} ${firstTokenAnswerTokens}-token answers per reader`);
    await measure(firstTokenAnswerTokens, firstTokenWarmUpRounds);
    const firstToken = await measure(firstTokenAnswerTokens, settings.firstTokenRequests);
    return { throughput, firstToken };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}
