import type { ChatProvider, ChatProviderClass } from '../spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../spec/chat-request.js';
import type { StreamPart } from '../spec/stream-part.js';

/** A provider class whose streams count as open until they end; `peak` is the most open at once. */
export interface PeakCounter {
  providerClass: ChatProviderClass;
  readonly open: number;
  readonly peak: number;
  readonly started: number;
}

/** Wraps `inner` (a provider class without constructor parameters) to count its open streams, e.g. to check a concurrency limit. */
export function countOpenStreams(inner: ChatProviderClass): PeakCounter {
  let open = 0;
  let peak = 0;
  let started = 0;
  class CountingProvider implements ChatProvider {
    readonly #inner: ChatProvider = new inner();
    async *createAsyncGenerator(request: ChatRequest, options?: StreamOptions): AsyncGenerator<StreamPart> {
      open += 1;
      started += 1;
      peak = Math.max(peak, open);
      try {
        yield* this.#inner.createAsyncGenerator(request, options);
      } finally {
        open -= 1;
      }
    }
  }
  return {
    providerClass: CountingProvider,
    get open() {
      return open;
    },
    get peak() {
      return peak;
    },
    get started() {
      return started;
    },
  };
}
