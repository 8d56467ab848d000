import { ConcurrencyLimitError } from '../errors/concurrency-limit-error.js';
import { ModelNotSupportedError } from '../errors/model-not-supported-error.js';
import { ProviderUnavailableError } from '../errors/provider-unavailable-error.js';
import type { SwitchboardError } from '../errors/switchboard-error.js';
import { annotateError } from '../errors/annotate-error.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderCandidate } from '../spec/registry-types.js';
import type { RoutingEvent } from '../spec/routing-event.js';
import type { CircuitTransition, ConcurrencyLease } from '../spec/routing-store.js';
import type { FinishReason, StreamPart } from '../spec/stream-part.js';
import { ignoredSettingWarnings } from '../request/ignored-settings.js';
import { applyTextPart, isTextPart } from '../stream/apply-text-part.js';
import { abortableDelay } from './abortable-delay.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { concurrencyLimit } from './concurrency-limit.js';
import { isPromise } from './maybe-promise.js';
import { normalizeError } from './normalize-error.js';
import { notifyListeners } from './notify-listeners.js';
import { retryDelay, shouldRetry } from './retry-policy.js';
import type { Route, RouteState } from './route.js';
import { streamAttempt } from './stream-attempt.js';

/** How one provider ended for a request that it did not take over for good. */
export type ProviderOutcome =
  | { type: 'succeeded'; reason: FinishReason }
  | { type: 'failed'; error: SwitchboardError }
  | { type: 'skipped'; error: ProviderUnavailableError };

/**
 * Streams from one provider, retrying retryable failures before the first text part with
 * backoff. Returns how the provider ended; throws once text was delivered (the typed error
 * with `partialText`) and when the request itself stopped (abort, total timeout).
 */
export async function* tryProvider(
  candidate: ProviderCandidate,
  route: Route,
  state: RouteState,
  requestSignal: AbortSignal,
): AsyncGenerator<StreamPart, ProviderOutcome> {
  const provider = candidate.metadata.name;
  const context = { provider, model: candidate.model };
  const request: ChatRequest = {
    ...route.request,
    model: candidate.model,
    timeouts: route.timeouts,
    ...(route.proxy === undefined ? {} : { proxy: route.proxy }),
  };
  const notify = (event: RoutingEvent) => notifyListeners(route.listeners, event);
  const report = (transition: CircuitTransition | undefined) => {
    if (transition?.type === 'opened') notify({ type: 'circuit-opened', provider, untilMs: transition.untilMs });
    if (transition?.type === 'closed') notify({ type: 'circuit-closed', provider });
  };
  let lastError: SwitchboardError | undefined;
  let warnings = ignoredSettingWarnings(route.request, candidate.metadata);
  const limit = concurrencyLimit(candidate.metadata, route.maxConcurrency);
  for (let attempt = 1; ; attempt += 1) {
    if (requestSignal.aborted) throw annotateError(requestSignal.reason, { ...context, partialText: state.text });
    const admitted = route.health.admit(candidate.metadata);
    const admission = isPromise(admitted) ? await admitted : admitted;
    if (admission instanceof ProviderUnavailableError) {
      return lastError === undefined ? { type: 'skipped', error: admission } : { type: 'failed', error: lastError };
    }
    if (state.fallbackFrom !== undefined) {
      notify({ type: 'fallback', from: state.fallbackFrom.provider, to: provider, reason: state.fallbackFrom.reason });
      state.fallbackFrom = undefined;
    }
    state.provider = provider;
    notify({ type: 'attempt-start', provider, model: candidate.model, attempt });
    let settled = false;
    let lease: ConcurrencyLease | undefined;
    try {
      if (limit !== undefined) {
        const gate = ConcurrencyGate.of(route.health.store, provider);
        const quick = gate.tryAcquire(limit);
        lease = isPromise(quick) ? await quick : quick;
        if (lease === undefined) {
          yield* warnings;
          warnings = [];
          lease = yield* gate.wait({
            limit,
            queueMs: route.timeouts.queueMs,
            signal: requestSignal,
            clock: route.clock,
            scheduler: route.scheduler,
            random: route.random,
            onQueued: ({ position, queueSize }) => notify({ type: 'queued', provider, position, queueSize }),
          });
        }
      }
      let reason: FinishReason = 'stop';
      for await (const part of streamAttempt(candidate, request, route, requestSignal)) {
        if (warnings.length > 0) {
          yield* warnings;
          warnings = [];
        }
        if (part.type === 'status' && part.stage === 'queued') {
          const { position, queueSize, etaSeconds } = part;
          notify({ type: 'queued', provider, position, queueSize, etaSeconds });
        } else if (isTextPart(part)) {
          if (!state.committed && part.text !== '') {
            state.committed = true;
            notify({ type: 'first-token', provider, elapsedMs: route.clock.now() - state.startedAt });
          }
          state.text = applyTextPart(state.text, part);
        } else if (part.type === 'finish') {
          reason = part.reason;
          settled = true;
          const transition = route.health.succeed(admission);
          report(isPromise(transition) ? await transition : transition);
        }
        yield part;
      }
      if (!settled) {
        settled = true;
        const transition = route.health.succeed(admission);
        report(isPromise(transition) ? await transition : transition);
      }
      return { type: 'succeeded', reason };
    } catch (thrown) {
      settled = true;
      if (requestSignal.aborted) {
        route.health.release(admission);
        throw annotateError(requestSignal.reason, { ...context, partialText: state.text });
      }
      const error = normalizeError(thrown, context);
      annotateError(error, { ...context, partialText: state.text });
      lease?.release();
      const saturated = ConcurrencyLimitError.isInstance(error);
      let transition: CircuitTransition | undefined;
      if (saturated || ModelNotSupportedError.isInstance(error)) route.health.release(admission);
      else {
        const failed = route.health.fail(admission, error);
        transition = isPromise(failed) ? await failed : failed;
      }
      report(transition);
      if (state.committed) throw error;
      if (saturated || transition?.type === 'opened' || !shouldRetry(error, attempt, route.retry)) {
        return { type: 'failed', error };
      }
      lastError = error;
      const delayMs = retryDelay(attempt, error, route.retry, route.random);
      notify({ type: 'retry-scheduled', provider, attempt: attempt + 1, delayMs, reason: error });
      await abortableDelay(delayMs, requestSignal, route.scheduler).catch((reason: unknown) => {
        throw annotateError(reason, context);
      });
    } finally {
      lease?.release();
      if (!settled) route.health.release(admission);
    }
  }
}
