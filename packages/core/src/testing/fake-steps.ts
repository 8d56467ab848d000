import type { StatusPart, StreamPart } from '../spec/stream-part.js';

/**
 * One step of a fake provider's script: yield a part or throw an error, each after an
 * optional `delayMs` on the fake's scheduler; or `hang`, waiting until the signal aborts.
 */
export type FakeStep =
  | { type: 'part'; part: StreamPart; delayMs?: number }
  | { type: 'fail'; error: unknown; delayMs?: number }
  | { type: 'hang' };

/** Yields a text delta. */
export const text = (value: string, delayMs?: number): FakeStep => ({
  type: 'part',
  part: { type: 'text-delta', text: value },
  delayMs,
});

/** Yields a `queued` status part with the given position, queue size or ETA. */
export const queued = (fields: Omit<StatusPart, 'type' | 'stage'> = {}, delayMs?: number): FakeStep => ({
  type: 'part',
  part: { type: 'status', stage: 'queued', ...fields },
  delayMs,
});

/** Yields a `started` status part: generation began. */
export const started = (delayMs?: number): FakeStep => ({ type: 'part', part: { type: 'status', stage: 'started' }, delayMs });

/** Yields `finish` with reason `stop`. */
export const finish = (delayMs?: number): FakeStep => ({ type: 'part', part: { type: 'finish', reason: 'stop' }, delayMs });

/** Throws `error` from the stream. */
export const fail = (error: unknown, delayMs?: number): FakeStep => ({ type: 'fail', error, delayMs });

/** Waits until the signal aborts (forever when the fake ignores its signal). */
export const hang = (): FakeStep => ({ type: 'hang' });
