import type { ChatMessage } from '../spec/chat-message.js';
import { messageText } from './message-text.js';

/** The text of the last user message, or `undefined` when the conversation has none. */
export function getLastUserMessage(messages: readonly ChatMessage[]): string | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (message.role === 'user') return messageText(message);
  }
  return undefined;
}
