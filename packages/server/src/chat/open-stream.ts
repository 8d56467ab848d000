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

async function* prepend(first: StreamPart, rest: AsyncGenerator<StreamPart>): AsyncGenerator<StreamPart> {
  try {
    yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}
