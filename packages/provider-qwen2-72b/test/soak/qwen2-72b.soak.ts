import {
  AllProvidersFailedError,
  SwitchboardError,
  createRegistry,
  type ChatProvider,
  type ChatRequest,
  type StreamOptions,
  type TimeoutSettings,
} from '@switchboard/core';
import type { EmulatorFault, GradioEmulator } from '@switchboard/gradio-emulator';
import { describe, expect, it } from 'vitest';
import { qwen2_72bMetadata } from '../../src/qwen2-72b-metadata.js';
import { createQwen2_72BProvider } from '../../src/create-qwen2-72b-provider.js';
import { startQwenSpaceEmulator as startGradioEmulator } from '../../src/testing/index.js';
import { handlesLeftAfter, openHandles } from './open-handles.js';
import { expectedCodes, randomFaults } from './soak-faults.js';

const sequentialRequests = 1_000;
const concurrentRequests = 100;
const maxAttemptsPerProvider = 2;
/** Short while requests run one by one, so each stalled join costs little; long under load, so only a stall times out. */
const sequentialTimeouts: TimeoutSettings = { firstTokenMs: 500, idleMs: 500 };
const concurrentTimeouts: TimeoutSettings = { firstTokenMs: 5_000, idleMs: 5_000 };
const injectedKinds = ['queue-full', 'join-status', 'app-error', 'unexpected-error', 'drop-connection', 'malformed-json', 'close-stream-early', 'stall'];

const answerTo = (query: string) => `${query}: a steady answer, streamed in pieces.`;

/** An emulated Space and the fault it chose for each join, by join number. */
interface SoakSpace {
  name: string;
  emulator: GradioEmulator;
  faults: Array<EmulatorFault | undefined>;
}

/** One join of a request: the Space it went to and the fault injected into it. */
interface Attempt {
  space: SoakSpace;
  fault: EmulatorFault | undefined;
}

interface Outcome {
  query: string;
  text?: string;
  error?: unknown;
}

async function startSoakSpace(name: string, seed: number): Promise<SoakSpace> {
  const faults: Array<EmulatorFault | undefined> = [];
  const choose = randomFaults(seed);
  const emulator = await startGradioEmulator({
    answer: (query) => answerTo(query),
    tokenSize: 6,
    heartbeatIntervalMs: 50,
    fault: (joinNumber) => (faults[joinNumber] = choose(joinNumber)),
  });
  return { name, emulator, faults };
}

function soakRegistry(spaces: readonly SoakSpace[]) {
  const registry = createRegistry({
    retry: { maxAttempts: maxAttemptsPerProvider, baseDelayMs: 1, maxDelayMs: 2 },
    circuit: { failureThreshold: 1_000_000 },
  });
  for (const { name, emulator } of spaces) {
    const provider = createQwen2_72BProvider({ baseUrl: emulator.url });
    // One provider class under two names: the registry gets a class that forwards to this Space's instance.
    registry.register(
      class implements ChatProvider {
        createAsyncGenerator(request: ChatRequest, options?: StreamOptions) {
          return provider.createAsyncGenerator(request, options);
        }
      },
      { ...qwen2_72bMetadata, name },
    );
  }
  return registry;
}

async function ask(registry: ReturnType<typeof soakRegistry>, query: string, timeouts: TimeoutSettings): Promise<Outcome> {
  try {
    return { query, text: await registry.complete({ model: 'qwen-2-72b', messages: [{ role: 'user', content: query }], timeouts }) };
  } catch (error) {
    return { query, error };
  }
}

const joinsOf = (emulator: GradioEmulator) => emulator.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/queue/join'));
const dataStreamsOf = (emulator: GradioEmulator) => emulator.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/queue/data'));

/** Every join, grouped by the query it carried, in the order the router tried the Spaces. */
function attemptsByQuery(spaces: readonly SoakSpace[]): Map<string, Attempt[]> {
  const attempts = new Map<string, Attempt[]>();
  for (const space of spaces) {
    for (const [joinNumber, join] of joinsOf(space.emulator).entries()) {
      const query = String((join.body as { data?: unknown[] } | undefined)?.data?.[0]);
      const list = attempts.get(query) ?? [];
      list.push({ space, fault: space.faults[joinNumber] });
      attempts.set(query, list);
    }
  }
  return attempts;
}

function codeProblem(where: string, error: unknown, fault: EmulatorFault | undefined): string[] {
  if (fault === undefined) return [`${where}: failed with ${String(error)} on a join without a fault`];
  const code = SwitchboardError.isInstance(error) ? error.code : `untyped ${String(error)}`;
  return expectedCodes[fault.kind].includes(code) ? [] : [`${where}: fault ${fault.kind} surfaced as ${code}, expected ${expectedCodes[fault.kind].join(' or ')}`];
}

/** What is wrong with one request's outcome, given the faults injected into its joins. */
function problemsOf(outcome: Outcome, attempts: readonly Attempt[], spaces: readonly SoakSpace[]): string[] {
  const where = outcome.query;
  if (attempts.length === 0 || attempts.length > spaces.length * maxAttemptsPerProvider) return [`${where}: ${attempts.length} joins`];
  const problems: string[] = [];
  if (attempts.slice(0, -1).some((attempt) => attempt.fault === undefined)) problems.push(`${where}: a join without a fault was not the last one`);
  const last = attempts.at(-1)!;
  if (outcome.error === undefined) {
    if (outcome.text !== answerTo(where)) problems.push(`${where}: answered ${JSON.stringify(outcome.text)}`);
    if (last.fault !== undefined) problems.push(`${where}: answered although its last join had the fault ${last.fault.kind}`);
    return problems;
  }
  const error = outcome.error;
  if (AllProvidersFailedError.isInstance(error)) {
    if (error.failures.length !== spaces.length) problems.push(`${where}: ${error.failures.length} causes for ${spaces.length} providers`);
    for (const failure of error.failures) {
      const lastOnSpace = attempts.filter((attempt) => attempt.space.name === failure.provider).at(-1);
      problems.push(...codeProblem(`${where} on ${failure.provider}`, failure.error, lastOnSpace?.fault));
    }
    return problems;
  }
  problems.push(...codeProblem(where, error, last.fault));
  const partialText = SwitchboardError.isInstance(error) ? error.partialText : undefined;
  if (!partialText || !answerTo(where).startsWith(partialText)) {
    problems.push(`${where}: a failure after the first text should carry a prefix of the answer, got ${JSON.stringify(partialText)}`);
  }
  return problems;
}

async function waitUntil(condition: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('soak: requests with random faults on two emulated Spaces', () => {
  it('answers exactly or fails with the codes the injected faults map to, leaving nothing open', async () => {
    const before = openHandles();
    const spaces = await Promise.all([startSoakSpace('Soak0', 7), startSoakSpace('Soak1', 8)]);
    const registry = soakRegistry(spaces);
    const outcomes: Outcome[] = [];
    let rssAfterWarmUp = 0;
    for (let index = 0; index < sequentialRequests; index += 1) {
      outcomes.push(await ask(registry, `sequential request ${index}`, sequentialTimeouts));
      if (index === 99) rssAfterWarmUp = process.memoryUsage().rss;
    }
    const concurrent = Array.from({ length: concurrentRequests }, (_, index) => ask(registry, `concurrent request ${index}`, concurrentTimeouts));
    outcomes.push(...(await Promise.all(concurrent)));
    const rssGrowthMb = (process.memoryUsage().rss - rssAfterWarmUp) / 1024 / 1024;
    await waitUntil(() => spaces.every(({ emulator }) => emulator.openStreams === 0), 3_000);
    const streams = spaces.map(({ emulator }) => ({ open: emulator.openStreams, closed: emulator.closedStreams, requested: dataStreamsOf(emulator).length }));
    const attempts = attemptsByQuery(spaces);
    await Promise.all(spaces.map(({ emulator }) => emulator.close()));
    const leaked = await handlesLeftAfter(before, 3_000);

    const problems = outcomes.flatMap((outcome) => problemsOf(outcome, attempts.get(outcome.query) ?? [], spaces));
    expect({ problems: problems.length, first: problems.slice(0, 20) }).toEqual({ problems: 0, first: [] });

    const answered = outcomes.filter((outcome) => outcome.error === undefined).length;
    const failed = outcomes.filter((outcome) => outcome.error !== undefined).length;
    expect(outcomes).toHaveLength(sequentialRequests + concurrentRequests);
    expect(answered + failed).toBe(outcomes.length);
    expect(answered).toBeGreaterThan(outcomes.length * 0.7);
    expect(failed).toBeGreaterThan(0);
    expect(new Set(attempts.keys())).toEqual(new Set(outcomes.map((outcome) => outcome.query)));
    const joinCount = spaces.reduce((sum, { emulator }) => sum + joinsOf(emulator).length, 0);
    expect([...attempts.values()].reduce((sum, list) => sum + list.length, 0)).toBe(joinCount);
    for (const { emulator, faults } of spaces) expect(faults).toHaveLength(joinsOf(emulator).length);
    const kindsInjected = new Set(spaces.flatMap(({ faults }) => faults.flatMap((fault) => (fault ? [fault.kind] : []))));
    expect([...kindsInjected].sort()).toEqual([...injectedKinds].sort());

    for (const stream of streams) expect(stream).toEqual({ open: 0, closed: stream.requested, requested: stream.requested });
    expect(rssGrowthMb).toBeLessThan(64);
    expect(leaked).toEqual({});
  }, 180_000);
});
