import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStillPending } from '../conformance/is-still-pending.js';
import { listenOnLoopback, type LoopbackServer } from './listen-on-loopback.js';
import { ResponseTracker, type TrackedResponse } from './response-tracker.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';

const agent = new Agent();
let server: LoopbackServer;
let tracker: ResponseTracker;
let signals: AbortSignal[];

/**
 * `/finish` answers at once; `/hang` sends its headers and waits for its signal; `/drop` is
 * destroyed by the server after `markDroppedByServer()`.
 */
beforeEach(async () => {
  tracker = new ResponseTracker();
  signals = [];
  server = await listenOnLoopback(async (request, response) => {
    const tracked: TrackedResponse = tracker.track(response);
    signals.push(tracked.signal);
    if (request.url === '/finish') {
      response.end('done');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.flushHeaders();
    if (request.url === '/drop') {
      tracked.markDroppedByServer();
      response.destroy();
      return;
    }
    await waitUnlessAborted(Infinity, tracked.signal);
  });
});
afterEach(() => server.close());
afterAll(() => agent.destroy());

/** Opens `/hang` and returns once its headers arrived, with the controller that cuts it off. */
async function openHanging(): Promise<AbortController> {
  const controller = new AbortController();
  await fetch(`${server.url}/hang`, { dispatcher: agent, signal: controller.signal });
  return controller;
}

/** Opens `/hang` and cuts it off; returns once the server saw the client close. */
async function cutOffOne(): Promise<void> {
  const client = await openHanging();
  const closed = tracker.nextClientClose();
  client.abort();
  await closed;
}

describe('ResponseTracker', () => {
  it('counts a response open until it closes; one that finished is no client close', async () => {
    const answer = await fetch(`${server.url}/finish`, { dispatcher: agent });
    expect(await answer.text()).toBe('done');
    await tracker.nextClose();
    expect([tracker.open, tracker.closed, tracker.closedByClient]).toEqual([0, 1, 0]);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('counts a client that cuts a response off, aborts its signal and wakes nextClientClose', async () => {
    const clientClose = tracker.nextClientClose();
    const client = await openHanging();
    expect([tracker.open, tracker.closedByClient]).toEqual([1, 0]);
    expect(signals[0]!.aborted).toBe(false);
    expect(await isStillPending(clientClose)).toBe(true);
    client.abort();
    await clientClose;
    expect([tracker.open, tracker.closed, tracker.closedByClient]).toEqual([0, 1, 1]);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('does not count a response the server dropped as closed by the client', async () => {
    const clientClose = tracker.nextClientClose();
    await expect(fetch(`${server.url}/drop`, { dispatcher: agent }).then((response) => response.text())).rejects.toThrow();
    await tracker.nextClose();
    expect([tracker.closed, tracker.closedByClient]).toEqual([1, 0]);
    expect(await isStillPending(clientClose)).toBe(true);
  });

  it('stopAll aborts every signal, and the closes that follow are not the client’s', async () => {
    await openHanging();
    await openHanging();
    tracker.stopAll();
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    await server.close();
    while (tracker.open > 0) await tracker.nextClose();
    expect([tracker.closed, tracker.closedByClient]).toEqual([2, 0]);
  });

  it('nextClose gives a close nobody awaited once, then waits for the next response to close', async () => {
    await cutOffOne();
    await tracker.nextClose();
    const later = tracker.nextClose();
    expect(await isStillPending(later)).toBe(true);
    const client = await openHanging();
    expect(await isStillPending(later)).toBe(true);
    client.abort();
    await later;
    expect(tracker.closed).toBe(2);
  });

  it('nextClose waits for the open response even when an earlier close was never awaited', async () => {
    await cutOffOne();
    const client = await openHanging();
    const close = tracker.nextClose();
    expect(await isStillPending(close)).toBe(true);
    client.abort();
    await close;
    expect(tracker.closed).toBe(2);
  });

  it('nextClientClose waits for a close after the call, not one that already happened', async () => {
    await cutOffOne();
    const next = tracker.nextClientClose();
    expect(await isStillPending(next)).toBe(true);
    await cutOffOne();
    await next;
    expect(tracker.closedByClient).toBe(2);
  });
});
