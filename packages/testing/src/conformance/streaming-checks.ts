import { AbortError, applyTextPart, isTextPart, type FinishPart } from '@switchboard/core';
import { expect, it } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import { readParts, settleWithin } from './read-parts.js';
import { usageProblems } from './usage-problems.js';

/** The shape of a successful stream, usage counts, and an already aborted signal. */
export function registerStreamingChecks(context: ConformanceContext): void {
  const limit = () => context.settleLimitMs;

  it('streams the expected text in several text parts and ends with exactly one finish part', async () => {
    const { upstream, request, expectedText } = await context.start({ kind: 'answer' });
    const { parts, error } = await settleWithin(readParts(upstream.provider.createAsyncGenerator(request)), limit(), 'the answer stream');
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'text-delta').length, 'text arrived in fewer than two text-delta parts').toBeGreaterThan(1);
    expect(parts.reduce(applyTextPart, '')).toBe(expectedText);
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' });
  });

  it('reports finish.usage, when present, with non-negative integer counts', async (testContext) => {
    const { upstream, request } = await context.start({ kind: 'answer' });
    const { parts, error } = await settleWithin(readParts(upstream.provider.createAsyncGenerator(request)), limit(), 'the answer stream');
    expect(error).toBeUndefined();
    const finish = parts.at(-1) as FinishPart | undefined;
    expect(finish?.type).toBe('finish');
    if (finish?.usage === undefined) testContext.skip('the finish part carried no usage');
    expect(usageProblems(finish!.usage)).toEqual([]);
  });

  it('yields nothing after finish, even when asked again', async () => {
    const { upstream, request } = await context.start({ kind: 'answer' });
    const iterator = upstream.provider.createAsyncGenerator(request)[Symbol.asyncIterator]();
    const readToFinish = async () => {
      let result = await iterator.next();
      while (result.done !== true && result.value.type !== 'finish') result = await iterator.next();
      return result;
    };
    const finish = await settleWithin(readToFinish(), limit(), 'the answer stream');
    expect(finish.done, 'the stream ended without a finish part').toBe(false);
    expect(await settleWithin(iterator.next(), limit(), 'the read after finish')).toEqual({ done: true, value: undefined });
    expect(await settleWithin(iterator.next(), limit(), 'the second read after finish')).toEqual({ done: true, value: undefined });
  });

  it('rejects an already aborted signal with AbortError, without streaming text', async () => {
    const { upstream, request } = await context.start({ kind: 'answer' });
    const { parts, error } = await settleWithin(
      readParts(upstream.provider.createAsyncGenerator(request, { signal: AbortSignal.abort() })),
      limit(),
      'the stream with an already aborted signal',
    );
    expect(AbortError.isInstance(error), `expected AbortError, got ${String(error)}`).toBe(true);
    expect(parts.filter(isTextPart)).toEqual([]);
    expect(parts.filter((part) => part.type === 'finish')).toEqual([]);
  });
}
