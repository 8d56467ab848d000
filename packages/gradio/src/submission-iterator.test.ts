import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { connectSpace } from './connect-space.js';
import type { GradioOutputEvent } from './gradio-event.js';
import { defaultEventId, delay, startFakeGradioApp, type FakeGradioApp, type FakeGradioAppOptions } from '../test/fake-gradio-app.js';
import { completed, estimation, generating } from '../test/gradio-messages.js';
import { sseBody } from './wire/index.js';

const ours = defaultEventId;
const apps: FakeGradioApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function spaceFor(options: FakeGradioAppOptions) {
  const app = await startFakeGradioApp(options);
  apps.push(app);
  return { app, space: await connectSpace(app.url) };
}

const threeOutputsInOneWrite = (stream: { raw(text: string): void }) =>
  stream.raw(
    sseBody([
      generating(ours, ['a']),
      generating(ours, [[['append', [], 'b']]]),
      generating(ours, [[['append', [], 'c']]]),
      completed(ours, ['abc']),
    ]),
  );

describe('the submission iterator', () => {
  it('serves concurrent next() calls in order', async () => {
    const { space } = await spaceFor({ stream: threeOutputsInOneWrite });
    const events = space.submit({ fnIndex: 0, data: [] });
    const steps = await Promise.all([events.next(), events.next(), events.next(), events.next(), events.next()]);
    expect(steps.map((step) => (step.done ? 'done' : step.value.type))).toEqual(['output', 'output', 'output', 'completed', 'done']);
    expect(steps[3]!.value).toEqual({ type: 'completed', values: ['abc'], cancelled: false });
  });

  it('applies a message only when the consumer asks for its event', async () => {
    const { space } = await spaceFor({ stream: threeOutputsInOneWrite });
    const events = space.submit({ fnIndex: 0, data: [] });
    const first = (await events.next()).value as GradioOutputEvent;
    await delay(20);
    expect(first.values).toEqual(['a']);
    const second = (await events.next()).value as GradioOutputEvent;
    expect(second.values).toBe(first.values);
    expect(first.values).toEqual(['ab']);
    expect(second.edits).toEqual([[['append', [], 'b']]]);
    await events.return(undefined);
  });

  it('return() while next() waits for data closes the connection and ends that next()', async () => {
    const { app, space } = await spaceFor({ stream: (stream) => stream.send(estimation(ours)) });
    const events = space.submit({ fnIndex: 0, data: [] });
    expect((await events.next()).value).toMatchObject({ type: 'queued' });
    const waiting = events.next();
    await delay(10);
    const returnedAt = performance.now();
    expect(await events.return(undefined)).toEqual({ done: true, value: undefined });
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect((await app.streams[0]!.socketClosed) - returnedAt).toBeLessThan(1_000);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('return() before the first next() sends nothing', async () => {
    const { app, space } = await spaceFor({ stream: threeOutputsInOneWrite });
    const events = space.submit({ fnIndex: 0, data: [] });
    await events.return(undefined);
    expect(await events.next()).toEqual({ done: true, value: undefined });
    expect(app.joins).toHaveLength(0);
  });

  it('return() during the join ends quietly without opening the stream', async () => {
    const { app, space } = await spaceFor({ join: () => undefined });
    const events = space.submit({ fnIndex: 0, data: [] });
    const first = events.next();
    while (app.joins.length === 0) await delay(2);
    await events.return(undefined);
    expect(await first).toEqual({ done: true, value: undefined });
    await app.joins[0]!.socketClosed;
    expect(app.streams).toHaveLength(0);
  });

  it('throw() rejects with the given error and closes the connection', async () => {
    const { app, space } = await spaceFor({ stream: (stream) => stream.send(estimation(ours)) });
    const events = space.submit({ fnIndex: 0, data: [] });
    await events.next();
    const reason = new Error('consumer gave up');
    await expect(events.throw(reason)).rejects.toBe(reason);
    await app.streams[0]!.socketClosed;
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('stops listening to the caller signal once the event completed', async () => {
    const { space } = await spaceFor({ stream: threeOutputsInOneWrite });
    const controller = new AbortController();
    for await (const event of space.submit({ fnIndex: 0, data: [], signal: controller.signal })) {
      if (event.type === 'output') expect(getEventListeners(controller.signal, 'abort').length).toBe(1);
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    controller.abort();
  });

  it('rejects a request it cannot send with TypeError at once', async () => {
    const { space } = await spaceFor({});
    expect(() => space.submit({ fnIndex: -1, data: [] })).toThrow(TypeError);
    expect(() => space.submit({ fnIndex: 0, data: 'x' as unknown as unknown[] })).toThrow(/data must be a list/);
  });
});
