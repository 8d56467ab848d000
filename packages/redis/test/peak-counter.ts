import type { ChatProvider, ChatProviderClass, ChatRequest, StreamOptions, StreamPart } from '@switchboard/core';

/** A provider class whose streams count as open until they end; `peak` is the most open at once. */
export interface PeakCounter {
  providerClass: ChatProviderClass;
  readonly open: number;
  readonly peak: number;
}

/** Wraps `inner` (a provider class without constructor parameters) to count its open streams. */
export function countOpenStreams(inner: ChatProviderClass): PeakCounter {
  let open = 0;
  let peak = 0;
  class CountingProvider implements ChatProvider {
    readonly #inner: ChatProvider = new inner();
    async *createAsyncGenerator(request: ChatRequest, options?: StreamOptions): AsyncGenerator<StreamPart> {
      open += 1;
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
  };
}
