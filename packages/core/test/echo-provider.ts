import { messageText } from '../src/messages/message-text.js';
import type { ChatProvider } from '../src/spec/chat-provider.js';
import type { ChatRequest, StreamOptions } from '../src/spec/chat-request.js';
import type { StreamPart } from '../src/spec/stream-part.js';

/** A provider class that answers "<label>[<model>]: <last message>" in two deltas. */
export function echoProviderClass(label: string): new () => ChatProvider {
  return class EchoProvider implements ChatProvider {
    async *createAsyncGenerator(request: ChatRequest, _options?: StreamOptions): AsyncGenerator<StreamPart> {
      const last = request.messages.at(-1);
      yield { type: 'text-delta', text: `${label}[${request.model}]: ` };
      yield { type: 'text-delta', text: last === undefined ? '' : messageText(last) };
      yield { type: 'finish', reason: 'stop' };
    }
  };
}
