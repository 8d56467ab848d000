import type { ChatRequest, StreamOptions } from './chat-request.js';
import type { StreamPart } from './stream-part.js';

/**
 * The one method every provider implements. The stream yields text, revisions and
 * status parts, and ends with a `finish` part, or throws a `SwitchboardError`.
 * `request.model` is already resolved to a canonical id when called by a registry.
 */
export interface ChatProvider {
  createAsyncGenerator(request: ChatRequest, options?: StreamOptions): AsyncIterable<StreamPart>;
}

/** A class whose instances are providers; its constructor may take injected dependencies. */
export type ChatProviderClass<T extends ChatProvider = ChatProvider> = new (...args: any[]) => T;
