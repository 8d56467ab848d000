import { AbortError } from '@switchboard/core';
import type { GradioEvent } from '@switchboard/gradio';
import { settleWithin } from '@switchboard/testing/conformance';
import { describe, expect, it } from 'vitest';
import type { EmulatedGradioVersion, GradioEmulator } from '../src/index.js';
import { chatRequest, chatValues } from './chat-events.js';
import { connectEmulatedSpace } from './emulated-space.js';
import { expectErrorOf } from './expect-error.js';
import { readEvents } from './read-events.js';

const versions: EmulatedGradioVersion[] = ['4.16', '4.20', '4.21', '4.36', '5'];

async function expectStreamClosedByClient(emulator: GradioEmulator): Promise<void> {
  await settleWithin(emulator.waitForStreamClose(), 1000, 'the stream close seen by the emulator');
  expect(emulator.openStreams).toBe(0);
  expect(emulator.closedStreams).toBe(1);
}

describe.each(versions)('leaving a submission early on emulated Gradio %s', (version) => {
  it('abort while queued: AbortError, and the emulator sees the stream close', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version, queue: { waitMs: 60_000, rank: 3, queueSize: 4 } });
    const controller = new AbortController();
    const { events: seen, error } = await settleWithin(
      readEvents(space.submit(chatRequest('Hi', [], { signal: controller.signal })), { controller, stopWhen: (events) => events.length === 1 }),
      2000,
      'the abort while queued',
    );
    const aborted = expectErrorOf(AbortError, error);
    expect(aborted.reason).toBe('stopped by the test');
    expect(aborted.partialOutput).toBeUndefined();
    expect(seen).toEqual([{ type: 'queued', rank: 3, queueSize: 4, etaSeconds: null }]);
    await expectStreamClosedByClient(emulator);
  });

  it('abort while generating: AbortError with the values so far, and the emulator sees the stream close', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version, answer: 'x'.repeat(2000), tokenSize: 1, tokenDelayMs: 5 });
    const controller = new AbortController();
    const outputs = (events: readonly GradioEvent[]) => events.filter((event) => event.type === 'output').length;
    const { events: seen, error } = await settleWithin(
      readEvents(space.submit(chatRequest('Hi', [], { signal: controller.signal })), { controller, stopWhen: (events) => outputs(events) === 3 }),
      2000,
      'the abort while generating',
    );
    const aborted = expectErrorOf(AbortError, error);
    expect(aborted.partialOutput).toEqual(chatValues('Hi', 'xxx'));
    expect(outputs(seen)).toBe(3);
    expect(seen.some((event) => event.type === 'completed')).toBe(false);
    await expectStreamClosedByClient(emulator);
  });

  it('break out of for-await: the emulator sees the stream close', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version, answer: 'y'.repeat(2000), tokenSize: 1, tokenDelayMs: 5 });
    let outputs = 0;
    for await (const event of space.submit(chatRequest('Hi'))) {
      if (event.type === 'output' && ++outputs === 2) break;
    }
    expect(outputs).toBe(2);
    await expectStreamClosedByClient(emulator);
  });
});
