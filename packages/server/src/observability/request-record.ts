import type { RoutingEvent } from '@switchboard/core';

/** `outcome` of a request that succeeded. */
export const successOutcome = 'OK';
/** `outcome` of a request whose client went away before the answer was complete. */
export const clientClosedOutcome = 'CLIENT_CLOSED';

/**
 * What the gateway learns about one request while serving it: the routing events give the
 * provider, the attempts and the time to first token; the handlers set the model and the
 * outcome (`OK`, `CLIENT_CLOSED` or the error code).
 */
export class RequestRecord {
  readonly requestId: string;
  readonly startedAt = performance.now();
  /** The model as requested. */
  model?: string;
  /** The canonical model id of the first attempt. */
  resolvedModel?: string;
  /** The provider that answered, or that was tried last. */
  provider?: string;
  attempts = 0;
  timeToFirstTokenMs?: number;
  outcome?: string;
  /** Set when the client closed the connection before the response was complete. */
  clientClosed = false;

  constructor(requestId: string) {
    this.requestId = requestId;
  }

  /** Feeds one routing event of this request. */
  observe(event: RoutingEvent): void {
    if (event.type === 'attempt-start') {
      this.attempts += 1;
      this.provider = event.provider;
      this.resolvedModel ??= event.model;
    } else if (event.type === 'first-token') {
      this.timeToFirstTokenMs = event.elapsedMs;
      this.provider = event.provider;
    } else if (event.type === 'finish' && event.provider !== undefined) {
      this.provider = event.provider;
    }
  }

  /** Milliseconds since the request arrived. */
  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }
}
