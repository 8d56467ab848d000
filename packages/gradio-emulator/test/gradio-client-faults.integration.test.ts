import { AbortError, GradioAppError, ProtocolError, QueueFullError, StreamTruncatedError, UpstreamHttpError } from '@switchboard/core';
import type { GradioEvent, GradioOutputEvent, SpaceOptions } from '@switchboard/gradio';
import { settleWithin } from '@switchboard/testing/conformance';
import { describe, expect, it } from 'vitest';
import type { EmulatedGradioVersion, EmulatorFault, GradioEmulator } from '../src/index.js';
import { chatRequest, chatValues } from './chat-events.js';
import { connectEmulatedSpace } from './emulated-space.js';
import { expectErrorOf } from './expect-error.js';
import { measurePeakMemoryGrowth } from './peak-memory-growth.js';
import { readEvents } from './read-events.js';

const answer = 'abcdefghijkl';
const afterTwoTokens = chatValues('Hi', 'abcdef');
const prefixOf = (version: EmulatedGradioVersion) => (version === '5' ? '/gradio_api' : '');

async function submitWithFault(version: EmulatedGradioVersion, fault: EmulatorFault, spaceOptions: SpaceOptions = {}) {
  const { emulator, space } = await connectEmulatedSpace({ version, fault, answer, tokenSize: 3 }, spaceOptions);
  const { events, error } = await readEvents(space.submit(chatRequest('Hi')));
  return { emulator, events, error };
}

/** The values of the last output event, as the consumer saw them. */
function lastOutputValues(events: readonly GradioEvent[]): unknown[] | undefined {
  return events.filter((event): event is GradioOutputEvent => event.type === 'output').at(-1)?.values;
}

function expectStreamNotOpened(emulator: GradioEmulator): void {
  expect(emulator.requests.some((request) => request.path.endsWith('/queue/data'))).toBe(false);
}

describe.each<EmulatedGradioVersion>(['4.36', '5'])('join faults on emulated Gradio %s', (version) => {
  const joinUrl = (emulator: GradioEmulator) => `${emulator.url}${prefixOf(version)}/queue/join`;

  it('queue-full: QueueFullError with the server detail, no stream opened', async () => {
    const { emulator, events, error } = await submitWithFault(version, { kind: 'queue-full' });
    const full = expectErrorOf(QueueFullError, error);
    expect(full.detail).toBe('Queue is full. Max size is 10 and size is 10.');
    expect(full).toMatchObject({ retryable: true, url: joinUrl(emulator), partialOutput: undefined });
    expect(events).toEqual([]);
    expectStreamNotOpened(emulator);
  });

  it('a queue at its max size: QueueFullError for the next join while one event is pending', async () => {
    const { emulator, space } = await connectEmulatedSpace({
      version,
      maxQueueSize: 1,
      fault: (joinNumber) => (joinNumber === 0 ? { kind: 'stall', afterTokens: 1 } : undefined),
    });
    const controller = new AbortController();
    const stalled = space.submit(chatRequest('first', [], { signal: controller.signal }));
    let step = await stalled.next();
    while (step.done !== true && step.value.type !== 'output') step = await stalled.next();
    expect(step.value).toMatchObject({ type: 'output' });
    const { error } = await readEvents(space.submit(chatRequest('second')));
    expect(expectErrorOf(QueueFullError, error).detail).toBe('Queue is full. Max size is 1 and size is 1.');
    controller.abort();
    await expect(stalled.next()).rejects.toSatisfy((failure: unknown) => AbortError.isInstance(failure));
    await settleWithin(emulator.waitForStreamClose(), 2000, 'the stream close');
  });

  it('join-status 500: UpstreamHttpError with the status and an excerpt of the body', async () => {
    const { emulator, events, error } = await submitWithFault(version, { kind: 'join-status', status: 500 });
    const upstream = expectErrorOf(UpstreamHttpError, error);
    expect(upstream).toMatchObject({ status: 500, bodyExcerpt: 'Internal Server Error', retryable: true, url: joinUrl(emulator) });
    expect(upstream.retryAfterMs).toBeUndefined();
    expect(events).toEqual([]);
    expectStreamNotOpened(emulator);
  });

  it('join-status 502 from a proxy: the HTML body squeezed into the excerpt', async () => {
    const body = '<html>\n  <body>\n    <h1>502 Bad Gateway</h1>\n  </body>\n</html>';
    const { error } = await submitWithFault(version, { kind: 'join-status', status: 502, body });
    expect(expectErrorOf(UpstreamHttpError, error)).toMatchObject({ status: 502, bodyExcerpt: '<html> <body> <h1>502 Bad Gateway</h1> </body> </html>' });
  });

  it('join-status 429 with retry-after: UpstreamHttpError with retryAfterMs', async () => {
    const fault: EmulatorFault = { kind: 'join-status', status: 429, body: '{"error":"slow down"}', retryAfterSeconds: 7 };
    const { emulator, error } = await submitWithFault(version, fault);
    const upstream = expectErrorOf(UpstreamHttpError, error);
    expect(upstream).toMatchObject({ status: 429, retryAfterMs: 7000, retryable: true, bodyExcerpt: '{"error":"slow down"}' });
    expectStreamNotOpened(emulator);
  });
});

describe.each<EmulatedGradioVersion>(['4.36', '4.20'])('stream faults on emulated Gradio %s', (version) => {
  it('app-error with a message: GradioAppError quoting the gr.Error text, with the partial output', async () => {
    const { events, error } = await submitWithFault(version, { kind: 'app-error', message: 'model overloaded', afterTokens: 2 });
    const failure = expectErrorOf(GradioAppError, error);
    expect(failure).toMatchObject({ kind: 'event-failed', serverMessage: "'model overloaded'" });
    expect(failure.message).toBe("Gradio app failed: 'model overloaded'");
    expect(failure.partialOutput).toEqual(afterTwoTokens);
    expect(failure.partialOutput).toEqual(lastOutputValues(events));
  });

  it('app-error without a message (hidden): GradioAppError without a server message', async () => {
    const { events, error } = await submitWithFault(version, { kind: 'app-error' });
    const failure = expectErrorOf(GradioAppError, error);
    expect(failure).toMatchObject({ kind: 'event-failed', serverMessage: null, partialOutput: undefined });
    expect(failure.message).toContain('gave no details');
    expect(events.map((event) => event.type)).toEqual(['queued', 'started']);
  });

  it('unexpected-error: GradioAppError of kind unexpected-error with the partial output', async () => {
    const { events, error } = await submitWithFault(version, { kind: 'unexpected-error', message: 'worker died', afterTokens: 2 });
    const failure = expectErrorOf(GradioAppError, error);
    expect(failure).toMatchObject({ kind: 'unexpected-error', serverMessage: 'worker died', message: 'Gradio server error: worker died' });
    expect(failure.partialOutput).toEqual(afterTwoTokens);
    expect(failure.partialOutput).toEqual(lastOutputValues(events));
  });

  it('unexpected-error before any output: the default server text and no partial output', async () => {
    const { error } = await submitWithFault(version, { kind: 'unexpected-error' });
    const failure = expectErrorOf(GradioAppError, error);
    expect(failure).toMatchObject({ kind: 'unexpected-error', serverMessage: 'Server stopped unexpectedly.', partialOutput: undefined });
  });

  it('drop-connection mid-message: StreamTruncatedError with the last good values', async () => {
    const { emulator, events, error } = await submitWithFault(version, { kind: 'drop-connection', afterTokens: 2 });
    const truncated = expectErrorOf(StreamTruncatedError, error);
    expect(truncated.retryable).toBe(true);
    expect(truncated.url).toBe(`${emulator.url}/queue/data`);
    expect(truncated.partialOutput).toEqual(afterTwoTokens);
    expect(truncated.partialOutput).toEqual(lastOutputValues(events));
    expect(events.filter((event) => event.type === 'output')).toHaveLength(2);
    expect(emulator.openStreams).toBe(0);
  });

  it('stall: no completion, and aborting during the stall closes the socket', async () => {
    const { emulator, space } = await connectEmulatedSpace({
      version,
      fault: { kind: 'stall', afterTokens: 2 },
      heartbeatIntervalMs: 5,
      answer,
      tokenSize: 3,
    });
    const controller = new AbortController();
    const stalledFor = (heartbeats: number) => (events: readonly GradioEvent[]) => {
      const secondOutput = events.filter((event) => event.type === 'output')[1];
      return secondOutput !== undefined && events.slice(events.indexOf(secondOutput)).filter((event) => event.type === 'heartbeat').length >= heartbeats;
    };
    const { events: seen, error } = await settleWithin(
      readEvents(space.submit(chatRequest('Hi', [], { signal: controller.signal })), { controller, stopWhen: stalledFor(3) }),
      2000,
      'the abort during the stall',
    );
    const aborted = expectErrorOf(AbortError, error);
    expect(aborted.reason).toBe('stopped by the test');
    expect(aborted.partialOutput).toEqual(afterTwoTokens);
    expect(seen.filter((event) => event.type === 'output')).toHaveLength(2);
    expect(seen.some((event) => event.type === 'completed')).toBe(false);
    await settleWithin(emulator.waitForStreamClose(), 2000, 'the stream close seen by the emulator');
    expect(emulator.openStreams).toBe(0);
  });

  it('malformed-json: ProtocolError with the last good values', async () => {
    const { emulator, events, error } = await submitWithFault(version, { kind: 'malformed-json', afterTokens: 2 });
    const protocol = expectErrorOf(ProtocolError, error);
    expect(protocol.message).toContain('not valid JSON');
    expect(protocol.partialOutput).toEqual(afterTwoTokens);
    expect(protocol.partialOutput).toEqual(lastOutputValues(events));
    await settleWithin(emulator.waitForStreamClose(), 2000, 'the stream close seen by the emulator');
    expect(emulator.openStreams).toBe(0);
  });

  it('oversized-event: a 64 MiB event with maxEventBytes 1 MiB fails fast with ProtocolError, without buffering it', async () => {
    const startedAt = performance.now();
    const fault: EmulatorFault = { kind: 'oversized-event', bytes: 64 * 1024 * 1024, afterTokens: 2 };
    const { result, peakGrowthBytes } = await measurePeakMemoryGrowth(() => submitWithFault(version, fault, { maxEventBytes: 1024 * 1024 }));
    expect(performance.now() - startedAt).toBeLessThan(1000);
    expect(peakGrowthBytes).toBeLessThan(24 * 1024 * 1024);
    const { emulator, events, error } = result;
    const protocol = expectErrorOf(ProtocolError, error);
    expect(protocol.message).toBe('Protocol error: an SSE event exceeded the limit of 1048576 bytes (maxEventBytes)');
    expect(protocol.partialOutput).toEqual(afterTwoTokens);
    expect(protocol.partialOutput).toEqual(lastOutputValues(events));
    await settleWithin(emulator.waitForStreamClose(), 2000, 'the stream close seen by the emulator');
    expect(emulator.openStreams).toBe(0);
  });

  it('close-stream-early: StreamTruncatedError with the last good values', async () => {
    const { events, error } = await submitWithFault(version, { kind: 'close-stream-early', afterTokens: 2 });
    const truncated = expectErrorOf(StreamTruncatedError, error);
    expect(truncated.message).toContain(version === '4.36' ? 'close_stream' : 'ended the stream');
    expect(truncated.partialOutput).toEqual(afterTwoTokens);
    expect(truncated.partialOutput).toEqual(lastOutputValues(events));
  });
});

describe('faults that differ by version', () => {
  it('app-error on Gradio 5: the bare gr.Error text', async () => {
    const { error } = await submitWithFault('5', { kind: 'app-error', message: 'model overloaded', afterTokens: 1 });
    const failure = expectErrorOf(GradioAppError, error);
    expect(failure.serverMessage).toBe('model overloaded');
    expect(failure.partialOutput).toEqual(chatValues('Hi', 'abc'));
  });

  it('a hidden app-error after the first yield on sse_v1 (sent as "None"): no server message, the partial output kept', async () => {
    const { error } = await submitWithFault('4.16', { kind: 'app-error', afterTokens: 1 });
    const failure = expectErrorOf(GradioAppError, error);
    expect(failure.serverMessage).toBeNull();
    expect(failure.partialOutput).toEqual(chatValues('Hi', 'abc'));
  });

  it('close-stream-early on sse_v1: the body ends before the completion', async () => {
    const { error } = await submitWithFault('4.16', { kind: 'close-stream-early', afterTokens: 3 });
    const truncated = expectErrorOf(StreamTruncatedError, error);
    expect(truncated.partialOutput).toEqual(chatValues('Hi', 'abcdefghi'));
  });

  it('drop-connection on Gradio 5: the error names the prefixed data stream', async () => {
    const { emulator, error } = await submitWithFault('5', { kind: 'drop-connection', afterTokens: 1 });
    const truncated = expectErrorOf(StreamTruncatedError, error);
    expect(truncated.url).toBe(`${emulator.url}/gradio_api/queue/data`);
    expect(truncated.partialOutput).toEqual(chatValues('Hi', 'abc'));
  });
});

describe.each<EmulatedGradioVersion>(['4.36', '4.16'])('failures of the app itself on emulated Gradio %s', (version) => {
  it('the wrong number of inputs: a hidden GradioAppError after the start', async () => {
    const { space } = await connectEmulatedSpace({ version });
    const { events, error } = await readEvents(space.submit({ fnIndex: 0, data: ['Hi'] }));
    expect(expectErrorOf(GradioAppError, error)).toMatchObject({ kind: 'event-failed', serverMessage: null, partialOutput: undefined });
    expect(events.map((event) => event.type)).toEqual(['queued', 'started']);
  });

  it('an fn_index the app does not have: UpstreamHttpError 500 from the join', async () => {
    const { emulator, space } = await connectEmulatedSpace({ version });
    const { error } = await readEvents(space.submit({ fnIndex: 9, data: [] }));
    expect(expectErrorOf(UpstreamHttpError, error)).toMatchObject({ status: 500, bodyExcerpt: 'Internal Server Error', retryable: true });
    expectStreamNotOpened(emulator);
  });
});
