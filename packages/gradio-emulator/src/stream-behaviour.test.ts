import { describe, expect, it } from 'vitest';
import { emulatorsPerTest } from '../test/emulator-per-test.js';
import { joinQueue, messageTypes, postJson, readStream, type ReceivedFrame } from '../test/sse-test-client.js';

const emulators = emulatorsPerTest();

const timerCount = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout' || name === 'Immediate').length;
const handleCount = () =>
  process.getActiveResourcesInfo().filter((name) => ['Timeout', 'Immediate', 'TCPServerWrap', 'TCPSocketWrap'].includes(name)).length;

async function eventually(check: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('data stream behaviour', () => {
  it('sends heartbeats at the configured interval while an event waits in the queue', async () => {
    await emulators.start({ heartbeatIntervalMs: 40, queue: { waitMs: 600 } });
    await joinQueue(emulators.current.url, 'beats');
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=beats`);
    const beats = reading.frames.filter((frame) => frame.payload === '{"msg":"heartbeat"}');
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(beats.length).toBeLessThanOrEqual(16);
    const gaps = beats.slice(1).map((beat, index) => beat.receivedAt - beats[index].receivedAt);
    expect(Math.min(...gaps)).toBeGreaterThan(15);
    expect(messageTypes(reading.frames).at(-1)).toBe('close_stream');
  });

  it('interleaves heartbeats with generating messages', async () => {
    await emulators.start({ heartbeatIntervalMs: 25, tokenDelayMs: 20, tokenSize: 1, answer: 'abcdefghij' });
    await joinQueue(emulators.current.url, 'mixed');
    const types = messageTypes((await readStream(`${emulators.current.url}/queue/data?session_hash=mixed`)).frames);
    const firstGenerating = types.indexOf('process_generating');
    const lastGenerating = types.lastIndexOf('process_generating');
    expect(types.slice(firstGenerating, lastGenerating).filter((type) => type === 'heartbeat').length).toBeGreaterThanOrEqual(3);
  });

  it('sends estimation updates during the queue wait, then process_starts', async () => {
    await emulators.start({ queue: { waitMs: 90, updates: 2, rank: 3, queueSize: 5, etaSeconds: 9 } });
    const joinedAt = performance.now();
    await joinQueue(emulators.current.url, 'queued');
    const status = JSON.parse((await (await fetch(`${emulators.current.url}/queue/status`)).text()));
    expect(status).toEqual({ msg: 'estimation', event_id: null, rank: null, queue_size: 1, rank_eta: null });
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=queued`);
    const estimations = reading.frames.filter((frame) => frame.message?.msg === 'estimation').map((frame) => frame.message);
    expect(estimations).toEqual([
      expect.objectContaining({ rank: 3, queue_size: 5, rank_eta: 9 }),
      expect.objectContaining({ rank: 2, queue_size: 4, rank_eta: 6 }),
      expect.objectContaining({ rank: 1, queue_size: 3, rank_eta: 3 }),
    ]);
    const starts = reading.frames.find((frame) => frame.message?.msg === 'process_starts');
    expect(starts?.payload).toMatch(/"eta":9\.0\}$/);
    expect(starts!.receivedAt - joinedAt).toBeGreaterThanOrEqual(80);
  });

  it('multiplexes several events of one session on one stream and closes after the last', async () => {
    await emulators.start({ answer: (query) => `answer to ${query}`, tokenSize: 2, tokenDelayMs: 2 });
    const first = await joinQueue(emulators.current.url, 'shared', ['one', []]);
    const second = await joinQueue(emulators.current.url, 'shared', ['two', []]);
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=shared`);
    const completions = reading.frames.filter((frame) => frame.message?.msg === 'process_completed');
    const finalText = (eventId: string) =>
      (completions.find((frame) => frame.message?.event_id === eventId)?.message?.output as { data: [string, string[][]] }).data[1][0][1];
    expect(finalText(first)).toBe('answer to one');
    expect(finalText(second)).toBe('answer to two');
    expect(messageTypes(reading.frames).filter((type) => type === 'close_stream')).toHaveLength(1);
    expect(messageTypes(reading.frames).at(-1)).toBe('close_stream');
    expect(new Set(reading.frames.slice(0, -1).map((frame) => frame.message?.event_id))).toEqual(new Set([first, second]));
  });

  it('answers an unknown session with one unexpected_error and closes', async () => {
    await emulators.start({});
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=nobody`);
    expect(reading.text).toBe('data: {"msg":"unexpected_error","message":"404: Session not found.","success":false}\n\n');
    await emulators.current.close();
    await emulators.start({ version: '4.16' });
    const old = await readStream(`${emulators.current.url}/queue/data?session_hash=nobody`);
    expect(old.text).toBe('data: {"msg": "unexpected_error", "message": "404: Session not found."}\n\n');
  });

  it('stops generating and clears its timers when the client disconnects', async () => {
    await emulators.start({ answer: 'x'.repeat(500), tokenSize: 1, tokenDelayMs: 10, heartbeatIntervalMs: 15 });
    const timersBefore = timerCount();
    await joinQueue(emulators.current.url, 'leaver');
    let closed = false;
    const closing = emulators.current.waitForStreamClose().then(() => (closed = true));
    const threeGenerated = (frames: ReceivedFrame[]) =>
      messageTypes(frames).filter((type) => type === 'process_generating').length >= 3;
    const reading = await readStream(`${emulators.current.url}/queue/data?session_hash=leaver`, threeGenerated);
    await closing;
    expect(closed).toBe(true);
    expect(reading.error).toBeUndefined();
    expect(emulators.current.openStreams).toBe(0);
    expect(emulators.current.closedStreams).toBe(1);
    await eventually(() => timerCount() <= timersBefore);
    expect(timerCount()).toBeLessThanOrEqual(timersBefore);
    const after = await readStream(`${emulators.current.url}/queue/data?session_hash=leaver`, (frames) => frames.length > 0);
    expect(messageTypes(after.frames)).toEqual(['heartbeat']);
  });

  it('waitForStreamClose resolves at once for a close nobody awaited yet', async () => {
    await emulators.start({ answer: 'short' });
    await joinQueue(emulators.current.url, 'done');
    await readStream(`${emulators.current.url}/queue/data?session_hash=done`);
    await eventually(() => emulators.current.closedStreams === 1);
    await emulators.current.waitForStreamClose();
    let resolved = false;
    void emulators.current.waitForStreamClose().then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);
  });

  it('completes a cancelled event with an empty output', async () => {
    await emulators.start({ answer: 'y'.repeat(300), tokenSize: 1, tokenDelayMs: 5 });
    const eventId = await joinQueue(emulators.current.url, 'cancelled');
    const reading = readStream(`${emulators.current.url}/queue/data?session_hash=cancelled`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const cancel = await postJson(`${emulators.current.url}/cancel`, { event_id: eventId, session_hash: 'cancelled', fn_index: 0 });
    expect(cancel).toMatchObject({ status: 200, text: '{"success":true}' });
    const payloads = (await reading).frames.map((frame) => frame.payload);
    expect(payloads.slice(-2)).toEqual([`{"msg":"process_completed","event_id":"${eventId}","output":{},"success":true}`, '{"msg":"close_stream"}']);
  });

  it('records every request with method, path, query, headers and body', async () => {
    await emulators.start({});
    await joinQueue(emulators.current.url, 'recorded');
    await readStream(`${emulators.current.url}/queue/data?session_hash=recorded`);
    const [join, data] = emulators.current.requests;
    expect(join).toMatchObject({
      method: 'POST',
      path: '/queue/join',
      query: {},
      body: { fn_index: 0, trigger_id: 1, session_hash: 'recorded' },
    });
    expect(join.headers['content-type']).toBe('application/json');
    expect(data).toMatchObject({ method: 'GET', path: '/queue/data', query: { session_hash: 'recorded' }, body: undefined });
  });
});

describe('close()', () => {
  it('leaves no server, socket or timer behind', async () => {
    const baseline = handleCount();
    const local = await emulators.start({
      answer: 'z'.repeat(400),
      tokenSize: 1,
      tokenDelayMs: 20,
      heartbeatIntervalMs: 10,
      queue: { waitMs: 30 },
    });
    await joinQueue(local.url, 'open');
    await joinQueue(local.url, 'unread');
    const heartbeatRoute = readStream(`${local.url}/heartbeat/open`);
    const reading = readStream(`${local.url}/queue/data?session_hash=open`);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(local.openStreams).toBe(1);
    await local.close();
    expect((await reading).error).toBeDefined();
    await heartbeatRoute;
    await eventually(() => handleCount() <= baseline);
    expect(handleCount()).toBeLessThanOrEqual(baseline);
  });
});
