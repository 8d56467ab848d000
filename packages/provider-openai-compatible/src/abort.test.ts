import { AbortError, type ChatRequest } from '@switchboard/core';
import { readParts, settleWithin } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatedUpstreams } from '../test/emulated-provider.js';

const upstreams = new EmulatedUpstreams();
afterEach(() => upstreams.closeAll());

const request: ChatRequest = { messages: [{ role: 'user', content: 'count slowly' }] };
const slow = { answer: 'one two three four five six seven eight nine ten', tokenSize: 2, tokenDelayMs: 25 };

describe('cancellation', () => {
  it('throws AbortError and closes the connection as soon as the signal aborts mid-stream', async () => {
    const { emulator, provider } = await upstreams.start(slow);
    const controller = new AbortController();
    const closed = emulator.waitForStreamClose();
    const { parts, error } = await readParts(provider.createAsyncGenerator(request, { signal: controller.signal }), {
      onPart: (part) => {
        if (part.type === 'text-delta') controller.abort(new Error('user left'));
      },
    });
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: new Error('user left'), partialText: 'on', provider: 'Emulated' });
    expect(parts.map((part) => part.type)).toEqual(['text-delta']);
    await settleWithin(closed, 5_000, 'the stream close');
    expect(emulator.streamsClosedByClient).toBe(1);
  });

  it('closes the connection when the consumer stops iterating', async () => {
    const { emulator, provider } = await upstreams.start(slow);
    const closed = emulator.waitForStreamClose();
    for await (const part of provider.createAsyncGenerator(request)) {
      if (part.type === 'text-delta') break;
    }
    await settleWithin(closed, 5_000, 'the stream close');
    expect(emulator.streamsClosedByClient).toBe(1);
  });

  it('aborts a stalled stream', async () => {
    const { emulator, provider } = await upstreams.start({ ...slow, tokenDelayMs: 0, fault: { kind: 'stall', afterTokens: 1 } });
    const controller = new AbortController();
    const reading = readParts(provider.createAsyncGenerator(request, { signal: controller.signal }), {
      onPart: () => setTimeout(() => controller.abort(), 20),
    });
    const { error } = await settleWithin(reading, 5_000, 'the stalled stream');
    expect(AbortError.isInstance(error)).toBe(true);
    await settleWithin(emulator.waitForStreamClose(), 5_000, 'the stream close');
    expect(emulator.openStreams).toBe(0);
  });

  it('sends nothing for a signal that is already aborted', async () => {
    const { emulator, provider } = await upstreams.start(slow);
    const { parts, error } = await readParts(provider.createAsyncGenerator(request, { signal: AbortSignal.abort() }));
    expect(AbortError.isInstance(error)).toBe(true);
    expect(parts).toEqual([]);
    expect(emulator.requests).toEqual([]);
  });
});
