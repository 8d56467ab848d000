import { describe, expect, it } from 'vitest';
import { emulatorsPerTest } from '../test/emulator-per-test.js';
import { joinQueue, messageTypes, postJson, readStream, type StreamReading } from '../test/sse-test-client.js';
import type { EmulatedGradioVersion, EmulatorFault } from './emulator-options.js';

const emulators = emulatorsPerTest();

const join = { data: ['Hi', []], fn_index: 0, session_hash: 'faulty' };

async function runWithFault(fault: EmulatorFault, version: EmulatedGradioVersion = '4.36'): Promise<StreamReading> {
  await emulators.start({ version, fault, answer: 'abcdefghijkl', tokenSize: 3 });
  const apiRoot = version === '5' ? `${emulators.current.url}/gradio_api` : emulators.current.url;
  await joinQueue(apiRoot, 'faulty');
  return readStream(`${apiRoot}/queue/data?session_hash=faulty`);
}

const generatingCount = (reading: StreamReading) => messageTypes(reading.frames).filter((type) => type === 'process_generating').length;

describe('join faults', () => {
  it('queue-full answers 503 with the server detail', async () => {
    await emulators.start({ fault: { kind: 'queue-full' }, maxQueueSize: 4 });
    expect(await postJson(`${emulators.current.url}/queue/join`, join)).toMatchObject({
      status: 503,
      text: '{"detail":"Queue is full. Max size is 4 and size is 4."}',
    });
  });

  it('maxQueueSize rejects joins while that many events are pending', async () => {
    await emulators.start({ maxQueueSize: 1, fault: { kind: 'stall' } });
    expect((await postJson(`${emulators.current.url}/queue/join`, join)).status).toBe(200);
    expect(await postJson(`${emulators.current.url}/queue/join`, { ...join, session_hash: 'other' })).toMatchObject({
      status: 503,
      text: '{"detail":"Queue is full. Max size is 1 and size is 1."}',
    });
  });

  it('join-status answers plain text, or JSON, with retry-after when asked', async () => {
    await emulators.start({
      fault: (requestNumber) =>
        requestNumber === 0
          ? { kind: 'join-status', status: 500 }
          : requestNumber === 1
            ? { kind: 'join-status', status: 429, body: '{"error":"slow down"}', retryAfterSeconds: 7 }
            : undefined,
    });
    const first = await postJson(`${emulators.current.url}/queue/join`, join);
    expect(first).toMatchObject({ status: 500, text: 'Internal Server Error' });
    expect(first.headers['content-type']).toBe('text/plain; charset=utf-8');
    const second = await postJson(`${emulators.current.url}/queue/join`, join);
    expect(second).toMatchObject({ status: 429, text: '{"error":"slow down"}' });
    expect(second.headers['retry-after']).toBe('7');
    expect((await postJson(`${emulators.current.url}/queue/join`, join)).status).toBe(200);
  });
});

describe('stream faults', () => {
  it('app-error completes with success:false and the quoted message on 4.36', async () => {
    const reading = await runWithFault({ kind: 'app-error', message: 'boom', afterTokens: 2 });
    expect(generatingCount(reading)).toBe(2);
    expect(reading.frames.at(-2)?.payload).toMatch(/^\{"msg":"process_completed","event_id":"[0-9a-f]{32}","output":\{"error":"'boom'"\},"success":false\}$/);
    expect(reading.frames.at(-1)?.payload).toBe('{"msg":"close_stream"}');
  });

  it('app-error without message gives error null, "None" late on sse_v1, bare text with display fields on 5', async () => {
    const hidden = await runWithFault({ kind: 'app-error' });
    expect(generatingCount(hidden)).toBe(0);
    expect(hidden.frames.at(-2)?.message).toMatchObject({ output: { error: null }, success: false });
    await emulators.current.close();
    const late = await runWithFault({ kind: 'app-error', afterTokens: 1 }, '4.16');
    expect(late.frames.at(-1)?.payload).toMatch(/"output": \{"error": "None"\}, "success": false\}$/);
    await emulators.current.close();
    const five = await runWithFault({ kind: 'app-error', message: 'boom' }, '5');
    expect(five.frames.at(-2)?.payload).toMatch(/"output":\{"error":"boom","duration":null,"visible":true,"title":"Error"\},"success":false,"title":null\}$/);
  });

  it('unexpected-error sends one stream-level error and ends the body', async () => {
    const reading = await runWithFault({ kind: 'unexpected-error', message: 'worker died', afterTokens: 1 });
    expect(messageTypes(reading.frames)).toEqual(['estimation', 'process_starts', 'process_generating', 'unexpected_error']);
    expect(reading.frames.at(-1)?.payload).toBe('{"msg":"unexpected_error","message":"worker died","success":false}');
    expect(reading.error).toBeUndefined();
  });

  it('drop-connection writes part of the next message and destroys the socket', async () => {
    const reading = await runWithFault({ kind: 'drop-connection', afterTokens: 2 });
    expect(reading.error).toBeDefined();
    expect(generatingCount(reading)).toBe(2);
    const tail = reading.text.slice(reading.text.lastIndexOf('\n\n') + 2);
    expect(tail).toMatch(/^data: \{"msg":"process_generating","event_id":"[0-9a-f]{32}","output":\{"data":\[\[\],/);
    expect(tail.endsWith('}')).toBe(false);
    expect(emulators.current.closedStreams).toBe(1);
  });

  it('stall stops generating and only heartbeats follow', async () => {
    const fault = { kind: 'stall', afterTokens: 2 } as const;
    await emulators.start({ fault, heartbeatIntervalMs: 20, tokenSize: 1, answer: 'abcdef' });
    await joinQueue(emulators.current.url, 'stalled');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=stalled`, (frames) =>
      messageTypes(frames).slice(-4).join() === 'heartbeat,heartbeat,heartbeat,heartbeat',
    );
    const types = messageTypes(reading.frames);
    expect(types.slice(0, 4)).toEqual(['estimation', 'process_starts', 'process_generating', 'process_generating']);
    expect(new Set(types.slice(4))).toEqual(new Set(['heartbeat']));
    await emulators.current.waitForStreamClose();
  });

  it('malformed-json inserts one unparsable message, then generation goes on', async () => {
    const reading = await runWithFault({ kind: 'malformed-json', afterTokens: 1 });
    const invalid = reading.frames.filter((frame) => frame.message === undefined);
    expect(invalid).toHaveLength(1);
    expect(invalid[0].payload.startsWith('{"msg":"process_generating"')).toBe(true);
    expect(() => JSON.parse(invalid[0].payload)).toThrow();
    expect(messageTypes(reading.frames).slice(-2)).toEqual(['process_completed', 'close_stream']);
  });

  it('oversized-event writes one data line of exactly that many bytes', async () => {
    const bytes = 2_000_000;
    const reading = await runWithFault({ kind: 'oversized-event', bytes, afterTokens: 1 });
    const lines = reading.text.split('\n');
    const longest = lines.reduce((longestLine, line) => (line.length > longestLine.length ? line : longestLine), '');
    expect(Buffer.byteLength(longest)).toBe(bytes);
    expect(JSON.parse(longest.slice('data: '.length))).toMatchObject({ msg: 'log', level: 'info' });
    expect(messageTypes(reading.frames).slice(-2)).toEqual(['process_completed', 'close_stream']);
  });

  it('oversized-event stops writing when a bounded client gives up', async () => {
    await emulators.start({ fault: { kind: 'oversized-event', bytes: 500_000_000 } });
    await joinQueue(emulators.current.url, 'huge');
    const closed = emulators.current.waitForStreamClose();
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=huge`, (_frames, text) => text.length > 1_000_000);
    await closed;
    expect(reading.text.length).toBeLessThan(20_000_000);
    expect(reading.frames.every((frame) => frame.message?.msg !== 'log')).toBe(true);
    expect(emulators.current.openStreams).toBe(0);
  });

  it('close-stream-early sends close_stream before the completion on sse_v3, ends the body before it', async () => {
    const v3 = await runWithFault({ kind: 'close-stream-early', afterTokens: 1 });
    expect(messageTypes(v3.frames)).toEqual(['estimation', 'process_starts', 'process_generating', 'close_stream']);
    await emulators.current.close();
    const v2 = await runWithFault({ kind: 'close-stream-early', afterTokens: 1 }, '4.20');
    expect(messageTypes(v2.frames)).toEqual(['estimation', 'process_starts', 'process_generating']);
    expect(v2.error).toBeUndefined();
  });

  it('chooses a fault per join number', async () => {
    await emulators.start({ fault: (requestNumber) => (requestNumber % 2 === 1 ? { kind: 'app-error' } : undefined) });
    const outcomes: unknown[] = [];
    for (const session of ['a', 'b', 'c']) {
      await joinQueue(emulators.current.url, session);
      const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=${session}`);
      outcomes.push(reading.frames.at(-2)?.message?.success);
    }
    expect(outcomes).toEqual([true, false, true]);
  });
});
