import { SwitchboardError, createRegistry, type ChatRequest } from '@switchboard/core';
import { startGradioEmulator, type EmulatorFault, type GradioEmulator } from '@switchboard/testing';
import { describe, expect, it } from 'vitest';
import { qwen2_72bMetadata } from './qwen2-72b-metadata.js';
import { Qwen2_72BProvider } from './qwen2-72b-provider.js';
import { Qwen2_72BSettings } from './qwen2-72b-settings.js';

/** A small deterministic random number generator, so a failing soak can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function randomFaults(seed: number): (requestNumber: number) => EmulatorFault | undefined {
  const random = seededRandom(seed);
  return () => {
    const roll = random();
    const afterTokens = Math.floor(random() * 4);
    if (roll < 0.6) return undefined;
    if (roll < 0.66) return { kind: 'queue-full' };
    if (roll < 0.72) return { kind: 'join-status', status: 500, body: 'Internal Server Error' };
    if (roll < 0.78) return { kind: 'app-error', message: null, afterTokens };
    if (roll < 0.83) return { kind: 'unexpected-error', message: 'Server stopped', afterTokens };
    if (roll < 0.9) return { kind: 'drop-connection', afterTokens };
    if (roll < 0.96) return { kind: 'malformed-json', afterTokens };
    if (roll < 0.98) return { kind: 'close-stream-early', afterTokens };
    return { kind: 'stall', afterTokens };
  };
}

const answer = 'A steady answer, streamed in pieces.';
const request: ChatRequest = { model: 'qwen-2-72b', messages: [{ role: 'user', content: 'Hi' }] };

async function soakRegistry(seed: number) {
  const spaces: GradioEmulator[] = await Promise.all(
    [seed, seed + 1].map((faultSeed) =>
      startGradioEmulator({ answer, tokenSize: 6, heartbeatIntervalMs: 50, fault: randomFaults(faultSeed) }),
    ),
  );
  const registry = createRegistry({
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    circuit: { failureThreshold: 1_000 },
    timeouts: { firstTokenMs: 150, idleMs: 150 },
  });
  for (const [index, space] of spaces.entries()) {
    registry.register(
      class extends Qwen2_72BProvider {
        constructor() {
          super(new Qwen2_72BSettings({ baseUrl: space.url }));
        }
      },
      { ...qwen2_72bMetadata, name: `Soak${index}` },
    );
  }
  return { registry, close: () => Promise.all(spaces.map((space) => space.close())) };
}

type Outcome = 'answered' | 'typed-error' | 'other';

async function settle(run: Promise<string>): Promise<Outcome> {
  try {
    return (await run) === answer ? 'answered' : 'other';
  } catch (error) {
    return SwitchboardError.isInstance(error) && typeof error.code === 'string' ? 'typed-error' : 'other';
  }
}

function openHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) {
    if (resource === 'TCPSocketWrap' || resource === 'TCPServerWrap' || resource === 'Timeout') counts[resource] = (counts[resource] ?? 0) + 1;
  }
  return counts;
}

function leakedHandles(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const leaked: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after)) if (count > (before[kind] ?? 0)) leaked[kind] = count - (before[kind] ?? 0);
  return leaked;
}

/** Sockets close asynchronously after the servers go away: wait up to `limitMs` for them. */
async function handlesLeftAfter(before: Record<string, number>, limitMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + limitMs;
  let leaked = leakedHandles(before, openHandles());
  while (Object.keys(leaked).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    leaked = leakedHandles(before, openHandles());
  }
  return leaked;
}

describe('soak: requests with random faults on two emulated Spaces', () => {
  it('settles 1,000 sequential and 100 concurrent requests with text or a typed error, leaving nothing open', async () => {
    const before = openHandles();
    const { registry, close } = await soakRegistry(7);
    const outcomes: Outcome[] = [];
    let rssAfterWarmUp = 0;
    for (let index = 0; index < 1_000; index += 1) {
      outcomes.push(await settle(registry.complete(request)));
      if (index === 99) rssAfterWarmUp = process.memoryUsage().rss;
    }
    const concurrent = await Promise.all(Array.from({ length: 100 }, () => settle(registry.complete(request))));
    outcomes.push(...concurrent);
    const rssGrowthMb = (process.memoryUsage().rss - rssAfterWarmUp) / 1024 / 1024;
    await close();
    const leaked = await handlesLeftAfter(before, 3_000);

    expect(outcomes).toHaveLength(1_100);
    expect(outcomes.filter((outcome) => outcome === 'other')).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThan(700);
    expect(outcomes.filter((outcome) => outcome === 'typed-error').length).toBeGreaterThan(0);
    expect(rssGrowthMb).toBeLessThan(64);
    expect(leaked).toEqual({});
  }, 120_000);
});
