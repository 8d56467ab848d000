import { SwitchboardError, type RoutingEvent } from '@switchboard/core';
import type { SwitchboardFallback, SwitchboardResponseMetadata } from './switchboard-metadata.js';

/** Follows one request's routing events: which provider is serving it, and every fallback. */
export class RoutingTracker {
  provider: string | undefined;
  model: string | undefined;
  attempts = 0;
  readonly fallbacks: SwitchboardFallback[] = [];

  /** The listener to give the registry as `onEvent`. */
  readonly listener = (event: RoutingEvent): void => {
    if (event.type === 'attempt-start') {
      this.provider = event.provider;
      this.model = event.model;
      this.attempts += 1;
    } else if (event.type === 'fallback') {
      const code = SwitchboardError.isInstance(event.reason) ? event.reason.code : event.reason.name;
      this.fallbacks.push({ from: event.from, to: event.to, code, message: event.reason.message });
    }
  };

  /** What routing did so far, for `providerMetadata.switchboard`. */
  summary(): SwitchboardResponseMetadata {
    return {
      ...(this.provider === undefined ? {} : { provider: this.provider }),
      ...(this.model === undefined ? {} : { model: this.model }),
      attempts: this.attempts,
      fallbacks: [...this.fallbacks],
    };
  }
}
