import { AbortError } from '../errors/abort-error.js';
import { AllProvidersFailedError, type ProviderFailure } from '../errors/all-providers-failed-error.js';
import type { FinishReason, StreamPart } from '../spec/stream-part.js';
import { notifyListeners } from './notify-listeners.js';
import { RequestCancellation } from './request-cancellation.js';
import type { Route, RouteState } from './route.js';
import { tryProvider } from './try-provider.js';

/**
 * Streams a request from its candidates in order. Unavailable providers (not working,
 * circuit open) are skipped; a provider that fails before the first text part is retried
 * or left for the next one; once text was delivered a failure ends the stream with the
 * typed error and its `partialText`. When no candidate answers, throws
 * `AllProvidersFailedError` naming each provider with its cause. Status parts pass through.
 */
export async function* routeStream(route: Route): AsyncGenerator<StreamPart> {
  const state: RouteState = { startedAt: route.clock.now(), text: '', committed: false };
  const cancellation = new RequestCancellation(route.signal, route.timeouts.totalMs, route.scheduler);
  let reason: FinishReason = 'abort';
  let answeredBy: string | undefined;
  try {
    const failures: ProviderFailure[] = [];
    let lastAttemptError: Error | undefined;
    for (const candidate of route.candidates) {
      const outcome = yield* tryProvider(candidate, route, state, cancellation.signal);
      if (outcome.type === 'succeeded') {
        reason = outcome.reason;
        answeredBy = candidate.metadata.name;
        return;
      }
      failures.push({ provider: candidate.metadata.name, error: outcome.error });
      if (outcome.type === 'failed') {
        lastAttemptError = outcome.error;
        state.fallbackFrom = { provider: candidate.metadata.name, reason: outcome.error };
      }
    }
    state.provider = undefined;
    throw new AllProvidersFailedError(route.requestedModel, failures, { cause: lastAttemptError ?? failures.at(-1)?.error });
  } catch (error) {
    reason = AbortError.isInstance(error) ? 'abort' : 'error';
    throw error;
  } finally {
    cancellation.dispose();
    const provider = answeredBy ?? state.provider;
    notifyListeners(route.listeners, {
      type: 'finish',
      ...(provider === undefined ? {} : { provider }),
      reason,
      elapsedMs: route.clock.now() - state.startedAt,
    });
  }
}
