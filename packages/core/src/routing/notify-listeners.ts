import type { RoutingEvent, RoutingEventListener } from '../spec/routing-event.js';

/**
 * Hands an event to each listener in turn. A listener that throws, or returns a promise
 * that rejects, is ignored: observing a request must never break it.
 */
export function notifyListeners(listeners: ReadonlyArray<RoutingEventListener | undefined>, event: RoutingEvent): void {
  for (const listener of listeners) {
    if (listener === undefined) continue;
    try {
      const result: unknown = listener(event);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // A faulty listener must not affect the request.
    }
  }
}
