import type { StreamPart, WarningPart } from '@switchboard/core';

/** A registry stream whose provider has accepted the request. */
export interface OpenedStream {
  /** Warnings that came before the first part (settings the provider ignores). */
  warnings: WarningPart[];
  /** The rest of the stream, starting with the provider's first part. */
  parts: AsyncGenerator<StreamPart>;
}

/**
 * Waits until the provider has accepted the request: its first part of any kind, warnings
 * excluded. A failure before that is thrown from here, while an HTTP status can still say
 * what went wrong.
 */
export async function openStream(stream: AsyncGenerator<StreamPart>): Promise<OpenedStream> {
  const warnings: WarningPart[] = [];
  for (;;) {
    const result = await stream.next();
    if (result.done) return { warnings, parts: stream };
    if (result.value.type === 'warning') {
      warnings.push(result.value);
      continue;
    }
    return { warnings, parts: prepend(result.value, stream) };
  }
}

/**
 * `first`, then the rest of the stream, without a generator of its own in between (one more
 * promise per part on the hot path); returning or throwing goes straight to `rest`.
 */
function prepend(first: StreamPart, rest: AsyncGenerator<StreamPart>): AsyncGenerator<StreamPart> {
  let firstTaken = false;
  const parts: AsyncGenerator<StreamPart> = {
    next() {
      if (firstTaken) return rest.next();
      firstTaken = true;
      return Promise.resolve({ value: first, done: false });
    },
    return(value) {
      firstTaken = true;
      return rest.return(value);
    },
    throw(error) {
      firstTaken = true;
      return rest.throw(error);
    },
    [Symbol.asyncIterator]() {
      return parts;
    },
  };
  return parts;
}
