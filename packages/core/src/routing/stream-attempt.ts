import { AbortError } from '../errors/abort-error.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderCandidate } from '../spec/registry-types.js';
import type { StreamPart } from '../spec/stream-part.js';
import { AttemptTimer } from './attempt-timer.js';
import { linkAbort } from './link-abort.js';
import { raceAbort } from './race-abort.js';
import type { Route } from './route.js';

/** What an attempt takes from its route: the time limits and the clock and timers to run them on. */
export type AttemptSettings = Pick<Route, 'timeouts' | 'clock' | 'scheduler'>;

/**
 * One attempt on one provider. The provider gets its own signal, aborted by the request's
 * signal, by an attempt timeout (with the `TimeoutError` as reason) or when the attempt
 * ends early. Each `next()` is raced against that signal, so the attempt settles at once
 * even if the provider ignores it; the provider's iterator is then closed with `return()`.
 * Ends after a `finish` part.
 */
export async function* streamAttempt(
  candidate: ProviderCandidate,
  request: ChatRequest,
  settings: AttemptSettings,
  requestSignal: AbortSignal,
): AsyncGenerator<StreamPart> {
  const controller = new AbortController();
  const unlink = linkAbort(requestSignal, controller);
  const timer = new AttemptTimer(settings.timeouts, (error) => controller.abort(error), settings.clock, settings.scheduler);
  let iterator: AsyncIterator<StreamPart> | undefined;
  let exhausted = false;
  let finished = false;
  try {
    timer.start();
    iterator = candidate.provider.createAsyncGenerator(request, { signal: controller.signal })[Symbol.asyncIterator]();
    while (!finished) {
      if (controller.signal.aborted) throw controller.signal.reason;
      const result = await raceAbort(iterator.next(), controller.signal);
      if (result.done) {
        exhausted = true;
        return;
      }
      timer.observe(result.value);
      finished = result.value.type === 'finish';
      timer.pause();
      yield result.value;
      timer.resume();
    }
  } finally {
    timer.stop();
    unlink();
    if (!exhausted && !finished && !controller.signal.aborted) {
      controller.abort(new AbortError('The attempt ended before its stream did.'));
    }
    if (!exhausted) closeQuietly(iterator);
  }
}

function closeQuietly(iterator: AsyncIterator<StreamPart> | undefined): void {
  try {
    iterator?.return?.()?.catch(() => undefined);
  } catch {
    // The attempt is over; a provider that fails to close has nothing more to tell.
  }
}
