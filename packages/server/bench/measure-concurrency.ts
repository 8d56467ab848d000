import type { BenchSettings } from './bench-settings.js';
import { benchScript } from './bench-script.js';
import { startChild, type ChildNode } from './child-node.js';
import type { ProcessUsage } from './process-usage.js';
import type { HeldStreamsOutcome } from './workers/stream-holder.js';

/** Part 2's figures. */
export interface ConcurrencyResult {
  streams: number;
  tokens: number;
  /** Time until every stream had shown its first text. */
  openMs: number;
  /** Answers the Space held at the peak (each stream waiting mid-answer). */
  heldInSpace: number;
  idle: ProcessUsage;
  /** The highest of a few samples taken while every stream was held. */
  held: ProcessUsage;
  outcome: HeldStreamsOutcome;
  /** Gateway sockets once every stream ended, the client still connected (its keep-alive connections). */
  socketsAfterStreams: number;
  /** Gateway sockets after the client process exited and the upstream pool's idle connections timed out. */
  socketsAtEnd: number;
  /** How long after the client exit the gateway's sockets took to reach `socketsAtEnd`. */
  settleMs: number;
  /** Data streams still open in the Space at the end. */
  spaceStreamsAtEnd: number;
  /** The gateway process's peak RSS over the whole part. */
  peakRssBytes: number;
}

const heldAnswerTokens = 24;
const openBatch = 100;
const stepTimeoutMs = 120_000;
const settleLimitMs = 20_000;

/**
 * Part 2: one gateway process over the emulated Space, and one client process holding
 * `settings.concurrentStreams` answers open at once (the Space holds each after its first
 * tokens). Measures the gateway's RSS idle and with every stream held, checks every
 * answer once released, then counts the gateway's sockets until they are all closed.
 */
export async function measureConcurrency(settings: BenchSettings, log: (line: string) => void): Promise<ConcurrencyResult> {
  const children: ChildNode<unknown>[] = [];
  const start = <Announcement>(script: string, args: string[]) => {
    const child = startChild<Announcement>(benchScript(script), args);
    children.push(child);
    return child;
  };
  try {
    const space = start<string>('qwen-space-process', []);
    const spaceUrl = await space.announced;
    const gateway = start<string>('gateway-process', ['qwen', spaceUrl]);
    const holder = start<string>('workers/stream-holder', [await gateway.announced]);
    await holder.announced;
    const usage = () => gateway.call<ProcessUsage>('usage');
    const streams = settings.concurrentStreams;

    log('streams: warming up the gateway (50 short answers)');
    await bounded(holder.call('warm', 50), 'the warm-up');
    await pause(1_000);
    const idle = await highestOf(usage, 5);
    log(`streams: opening ${streams} held streams, ${openBatch} at a time`);
    const openedAt = performance.now();
    await bounded(holder.call('open', { streams, tokens: heldAnswerTokens, batch: openBatch }), `opening ${streams} streams`);
    const openMs = performance.now() - openedAt;
    const heldInSpace = await space.call<number>('waiting');
    const held = await highestOf(usage, 5);
    log(`streams: ${heldInSpace} answers held in the Space; releasing them`);
    const finished = holder.call<HeldStreamsOutcome>('finish');
    await space.call('release');
    const outcome = await bounded(finished, `the end of ${streams} streams`);
    const socketsAfterStreams = (await usage()).sockets;
    await holder.stop();
    const exitedAt = performance.now();
    let end = await usage();
    while (end.sockets > 0 && performance.now() - exitedAt < settleLimitMs) {
      await pause(100);
      end = await usage();
    }
    const settleMs = performance.now() - exitedAt;
    const spaceStreamsAtEnd = (await space.call<{ open: number }>('streams')).open;
    return {
      streams,
      tokens: heldAnswerTokens,
      openMs,
      heldInSpace,
      idle,
      held,
      outcome,
      socketsAfterStreams,
      socketsAtEnd: end.sockets,
      settleMs,
      spaceStreamsAtEnd,
      peakRssBytes: end.maxRssBytes,
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or a failure naming `what` after {@link stepTimeoutMs}. */
async function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${stepTimeoutMs / 1000} s`)), stepTimeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The sample with the highest RSS among `samples` taken 200 ms apart. */
async function highestOf(sample: () => Promise<ProcessUsage>, samples: number): Promise<ProcessUsage> {
  let highest = await sample();
  for (let index = 1; index < samples; index++) {
    await pause(200);
    const next = await sample();
    if (next.rssBytes > highest.rssBytes) highest = next;
  }
  return highest;
}
