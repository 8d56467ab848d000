import type { BenchSettings } from './bench-settings.js';
import { benchScript } from './bench-script.js';
import { startChild, type ChildNode } from './child-node.js';
import { portkeyServerEntry, startPortkey, type PortkeyGateway, type PortkeyVariant } from './start-portkey.js';
import type { LoadOutcome, LoadTarget } from './workers/load-client.js';

/** One target's figures in one mode (streaming or not). */
export interface PeerSeries {
  target: string;
  /** One outcome per timed run of `requests` requests at `concurrency`. */
  throughput: LoadOutcome[];
  /** The alternating one-at-a-time requests. */
  latency: LoadOutcome;
}

export interface PeerResult {
  requests: number;
  concurrency: number;
  latencyRequests: number;
  runs: number;
  modes: { stream: boolean; series: PeerSeries[] }[];
  /** What the peer could not do or did not start for, and the errors it printed, by variant. */
  peerNotes: string[];
}

/** Target names, in the order of the report. */
export const peerTargetNames = {
  direct: 'emulator, direct (baseline)',
  switchboard: 'Switchboard gateway',
  stock: '@portkey-ai/gateway 1.15.2, as shipped',
  nativeResponse: '@portkey-ai/gateway 1.15.2, native Response restored',
} as const;

const warmUpRequests = 50;

/**
 * Part 3: the official `openai` client (one process) against the OpenAI-compatible
 * emulator (another) directly, through Switchboard's gateway (the OpenAI-compatible
 * provider) and through the peer gateway `@portkey-ai/gateway` (as shipped, and with the
 * platform's `Response` put back), non-streaming and streaming: requests per second at a
 * fixed concurrency, and latency to the first byte one request at a time, the targets
 * taking turns.
 */
export async function measurePeer(settings: BenchSettings, log: (line: string) => void): Promise<PeerResult> {
  const children: ChildNode<unknown>[] = [];
  const peers: PortkeyGateway[] = [];
  const peerNotes: string[] = [];
  const start = <Announcement>(script: string, args: string[]) => {
    const child = startChild<Announcement>(benchScript(script), args);
    children.push(child);
    return child;
  };
  try {
    const upstream = start<string>('openai-upstream-process', []);
    const upstreamUrl = await upstream.announced;
    const gatewayUrl = await start<string>('gateway-process', ['openai', upstreamUrl]).announced;
    const client = start<string>('workers/load-client', []);
    await client.announced;
    const targets: LoadTarget[] = [
      { name: peerTargetNames.direct, baseURL: upstreamUrl },
      { name: peerTargetNames.switchboard, baseURL: `${gatewayUrl}/v1` },
    ];
    const entry = portkeyServerEntry();
    const variants: [PortkeyVariant, string][] = [
      ['stock', peerTargetNames.stock],
      ['native-response', peerTargetNames.nativeResponse],
    ];
    if (entry === undefined) peerNotes.push('@portkey-ai/gateway is not installed: run `pnpm install` at the root.');
    for (const [variant, name] of entry === undefined ? [] : variants) {
      try {
        const peer = await startPortkey(entry!, variant);
        peers.push(peer);
        const headers = { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': upstreamUrl };
        targets.push({ name, baseURL: `${peer.url}/v1`, headers });
      } catch (error) {
        peerNotes.push(`${name} did not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    const modes: PeerResult['modes'] = [];
    for (const stream of [false, true]) {
      const label = stream ? 'streaming' : 'non-streaming';
      log(`peer: ${label}, warming up`);
      for (const target of targets) await client.call('run', { target, stream, requests: warmUpRequests, concurrency: 4 });
      log(`peer: ${label}, latency over ${settings.peerLatencyRequests} requests per target, one at a time`);
      const latency = await client.call<LoadOutcome[]>('alternate', { targets, stream, rounds: settings.peerLatencyRequests });
      const series: PeerSeries[] = targets.map((target, index) => ({ target: target.name, throughput: [], latency: latency[index]! }));
      log(`peer: ${label}, ${settings.runs} runs of ${settings.peerRequests} requests per target, ${settings.peerConcurrency} at a time`);
      for (let run = 0; run < settings.runs; run++) {
        await upstream.call('forgetRequests');
        for (let turn = 0; turn < targets.length; turn++) {
          const index = (run + turn) % targets.length;
          const outcome = await client.call<LoadOutcome>('run', {
            target: targets[index],
            stream,
            requests: settings.peerRequests,
            concurrency: settings.peerConcurrency,
          });
          series[index]!.throughput.push(outcome);
        }
      }
      modes.push({ stream, series });
    }
    for (const [index, peer] of peers.entries()) {
      const { count, first } = peer.errors();
      if (count > 0) peerNotes.push(`${targets[index + 2]!.name} printed ${count.toLocaleString('en-US')} lines about errors; the first: ${first[0]}`);
    }
    return {
      requests: settings.peerRequests,
      concurrency: settings.peerConcurrency,
      latencyRequests: settings.peerLatencyRequests,
      runs: settings.runs,
      modes,
      peerNotes,
    };
  } finally {
    await Promise.all([...children.map((child) => child.stop()), ...peers.map((peer) => peer.stop())]);
  }
}
