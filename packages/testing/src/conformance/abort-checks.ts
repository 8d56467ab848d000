import { AbortError, type StreamPart } from '@switchboard/core';
import { expect, it } from 'vitest';
import type { ConformanceContext, StartedUpstream } from './conformance-context.js';
import type { ConformanceUpstream } from './conformance-harness.js';
import { isStillPending } from './is-still-pending.js';
import type { CheckPlan } from './plan-conformance.js';
import { readRest, readUntilText, settleWithin } from './read-parts.js';

const abortTitle = 'settles with AbortError, and no finish part, when aborted mid-stream';
const closeOnAbortTitle = 'closes the upstream connection when aborted mid-stream';
const closeOnBreakTitle = 'closes the upstream connection when the consumer stops reading early';

/**
 * Aborting mid-stream (always checked) and, unless skipped, proof that the upstream saw the
 * connection close after an abort and after the consumer broke out of its loop.
 */
export function registerAbortChecks(context: ConformanceContext, plan: CheckPlan): void {
  it(abortTitle, async () => {
    const started = await context.start({ kind: 'stall' });
    const controller = new AbortController();
    const iterator = streamOf(started, controller.signal);
    await readFirstText(context, iterator);
    controller.abort();
    const { parts, error } = await settleWithin(readRest(iterator), context.settleLimitMs, 'the stream after the abort (a provider must stop reading once aborted)');
    expect(AbortError.isInstance(error), `expected AbortError after the abort, got ${String(error)}`).toBe(true);
    expect(parts.filter((part) => part.type === 'finish')).toEqual([]);
  });

  if (plan.mode === 'skip') {
    it.skip(`${closeOnAbortTitle} (skipped: ${plan.reason})`, () => {});
    it.skip(`${closeOnBreakTitle} (skipped: ${plan.reason})`, () => {});
    return;
  }
  if (plan.mode === 'invalid') {
    for (const title of [closeOnAbortTitle, closeOnBreakTitle]) {
      it(title, () => {
        throw new Error(plan.problem);
      });
    }
    return;
  }

  it(closeOnAbortTitle, async () => {
    const started = await context.start({ kind: 'stall' });
    const closed = connectionClosedOf(started.upstream);
    const controller = new AbortController();
    const iterator = streamOf(started, controller.signal);
    await readFirstText(context, iterator);
    await expectStillOpen(closed);
    controller.abort();
    const rest = readRest(iterator);
    await settleWithin(closed, context.settleLimitMs, 'the upstream seeing the connection close after the abort (aborting must close the upstream connection)');
    await settleWithin(rest, context.settleLimitMs, 'the stream after the abort');
  });

  it(closeOnBreakTitle, async () => {
    const started = await context.start({ kind: 'stall' });
    const closed = connectionClosedOf(started.upstream);
    const stream = started.upstream.provider.createAsyncGenerator(started.request);
    const reading = (async () => {
      for await (const part of stream) {
        if (part.type !== 'text-delta' && part.type !== 'text-revision') continue;
        await expectStillOpen(closed);
        break;
      }
    })();
    await settleWithin(reading, context.settleLimitMs, 'the first text part, then leaving the loop (iterator.return())');
    await settleWithin(closed, context.settleLimitMs, 'the upstream seeing the connection close after the consumer left the loop (return() must close the upstream connection)');
  });
}

function streamOf(started: StartedUpstream, signal: AbortSignal): AsyncIterator<StreamPart> {
  return started.upstream.provider.createAsyncGenerator(started.request, { signal })[Symbol.asyncIterator]();
}

async function readFirstText(context: ConformanceContext, iterator: AsyncIterator<StreamPart>): Promise<void> {
  const { ended, error } = await settleWithin(readUntilText(iterator), context.settleLimitMs, 'the first text part of the stalling answer');
  if (ended) {
    const how = error === undefined ? 'ended' : `failed (${String(error)})`;
    throw new Error(`The stream ${how} before any text part; in the "stall" scenario the upstream must send text, then keep the connection open.`);
  }
}

function connectionClosedOf(upstream: ConformanceUpstream): Promise<void> {
  if (upstream.connectionClosed === undefined) {
    throw new Error(
      'start() returned no connectionClosed for the "stall" scenario. Return a promise your upstream server resolves when it ' +
        'sees the connection close (e.g. server.nextClientClose() of startScriptedServer), or skip "connection-close" with the reason.',
    );
  }
  return upstream.connectionClosed;
}

async function expectStillOpen(closed: Promise<void>): Promise<void> {
  expect(
    await isStillPending(closed),
    'connectionClosed had resolved while the provider was still reading the stream; it must resolve only when the upstream sees the connection close',
  ).toBe(true);
}
