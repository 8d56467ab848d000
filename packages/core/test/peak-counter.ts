import type { ChatProvider, ChatProviderClass } from '../src/spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../src/spec/chat-request.js';
import type { StreamPart } from '../src/spec/stream-part.js';

/** Wraps a provider class so that every stream counts as open until it ends; `peak` is the most open at once. */
export interface PeakCounter {
  providerClass: ChatProviderClass;
  readonly open: number;
  readonly peak: number;
  readonly started: number;
}

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
