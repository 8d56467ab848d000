import type { ChatRequest, ProviderRegistry, StreamPart, WarningPart } from '@switchboard/core';
import { RoutingTracker } from './routing-tracker.js';

/**
 * One request streamed from a registry on behalf of an AI SDK call. Warning parts are set
 * aside in `warnings` as they arrive; `next()` yields every other part. `close()` stops the
 * request at once, even while a part is awaited: the registry's signal aborts, so the
 * upstream connection closes.
 */
export class RoutedCall {
  readonly tracker = new RoutingTracker();
  readonly warnings: WarningPart[] = [];
  readonly #controller = new AbortController();
  readonly #iterator: AsyncIterator<StreamPart>;
  readonly #unlink: () => void;

  constructor(registry: ProviderRegistry, request: ChatRequest, callerSignal: AbortSignal | undefined) {
    this.#unlink = follow(callerSignal, this.#controller);
    const parts = registry.stream(request, { signal: this.#controller.signal, onEvent: this.tracker.listener });
    this.#iterator = parts[Symbol.asyncIterator]();
  }

  /** The next part that is not a warning; rejects with the registry's typed error. */
  async next(): Promise<IteratorResult<StreamPart, undefined>> {
    try {
      for (;;) {
        const result = await this.#iterator.next();
        if (result.done) {
          this.#unlink();
          return { done: true, value: undefined };
        }
        if (result.value.type !== 'warning') return result;
        this.warnings.push(result.value);
      }
    } catch (error) {
      this.#unlink();
      throw error;
    }
  }

  /** Stops the request (if it still runs) and releases it. */
  async close(reason?: unknown): Promise<void> {
    this.#unlink();
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
    await this.#iterator.return?.().catch(() => undefined);
  }
}

function follow(source: AbortSignal | undefined, target: AbortController): () => void {
  if (source === undefined) return () => undefined;
  if (source.aborted) {
    target.abort(source.reason);
    return () => undefined;
  }
  const onAbort = () => target.abort(source.reason);
  source.addEventListener('abort', onAbort, { once: true });
  return () => source.removeEventListener('abort', onAbort);
}
