import { AbortError } from '@switchboard/core';

/**
 * Yields the `data` of each event of an event-stream body. When `cancelOnExit` is false the
 * body is left as it is on exit (the connection stays open): that is the bug a conformance
 * fixture needs.
 */
export async function* readSseData(
  body: ReadableStream<Uint8Array>,
  options: { signal?: AbortSignal; cancelOnExit: boolean },
): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await readOrAbort(reader, options.signal);
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const events = buffer.split(/\r?\n\r?\n/);
      buffer = events.pop() ?? '';
      for (const event of events) {
        const data = event
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''));
        if (data.length > 0) yield data.join('\n');
      }
    }
  } finally {
    if (options.cancelOnExit) await reader.cancel().catch(() => undefined);
  }
}

function readOrAbort(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal | undefined) {
  if (signal === undefined) return reader.read();
  if (signal.aborted) return Promise.reject(new AbortError(signal.reason));
  return new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => {
    const onAbort = () => reject(new AbortError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    reader.read().then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
