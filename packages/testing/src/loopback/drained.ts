import type { ServerResponse } from 'node:http';

/**
 * Resolves when `response` can take more data (its `drain` event) or when it closed,
 * whichever comes first; leaves no listener behind. Await it after `response.write()`
 * returned `false`, so that a slow client holds the writer back instead of the memory.
 */
export function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
