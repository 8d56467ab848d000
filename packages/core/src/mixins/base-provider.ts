import type { ChatProvider } from '../spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../spec/chat-request.js';
import type { StreamPart } from '../spec/stream-part.js';
import { collectText } from '../stream/collect-text.js';
import { withModelResolution } from './with-model-resolution.js';

class ProviderRoot {}

/**
 * Convenient base for providers: implement `createAsyncGenerator`, get `metadata`,
 * `getModel()` and `complete()`. Extending it is optional; any class with
 * `createAsyncGenerator` can be registered.
 */
export abstract class BaseProvider extends withModelResolution(ProviderRoot) implements ChatProvider {
  abstract createAsyncGenerator(request: ChatRequest, options?: StreamOptions): AsyncIterable<StreamPart>;

  /** Streams the request and returns the final text, revisions applied. */
  complete(request: ChatRequest, options?: StreamOptions): Promise<string> {
    return collectText(this.createAsyncGenerator(request, options));
  }
}
