import type { StreamPart } from '@switchboard/core';

/** Everything a stream yielded, and the error it ended with, if any. */
export interface ReadResult {
  parts: StreamPart[];
  error?: unknown;
}

/** Reads a stream to its end without throwing; `onPart` sees each part as it arrives. */
export async function readParts(
  stream: AsyncIterable<StreamPart>,
  options: { onPart?: (part: StreamPart) => void } = {},
): Promise<ReadResult> {
  const parts: StreamPart[] = [];
  try {
    for await (const part of stream) {
      parts.push(part);
      options.onPart?.(part);
    }
    return { parts };
  } catch (error) {
    return { parts, error };
  }
}

/** Resolves like `promise`, or rejects if it has not settled after `limitMs` (a guard against hangs). */
export async function settleWithin<T>(promise: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Pulls parts from `iterator` until the first text part (a delta or a revision) and returns
 * what it read; `ended` is true when the stream finished, or threw, before any text came.
 */
export async function readUntilText(iterator: AsyncIterator<StreamPart>): Promise<ReadResult & { ended: boolean }> {
  const parts: StreamPart[] = [];
  try {
    for (;;) {
      const result = await iterator.next();
      if (result.done === true) return { parts, ended: true };
      parts.push(result.value);
      if (result.value.type === 'text-delta' || result.value.type === 'text-revision') return { parts, ended: false };
    }
  } catch (error) {
    return { parts, error, ended: true };
  }
}

/** The rest of a stream, read from an iterator already started, without throwing. */
export function readRest(iterator: AsyncIterator<StreamPart>): Promise<ReadResult> {
  return readParts({ [Symbol.asyncIterator]: () => iterator });
}
