import type { ChatMessage } from '../spec/chat-message.js';
import { messageText } from './message-text.js';

/** The texts of every system message, joined by newlines; `''` when there are none. */
export function getSystemPrompt(messages: readonly ChatMessage[]): string {
  return messages
    .filter((message) => message.role === 'system')
    .map(messageText)
    .filter((text) => text !== '')
    .join('\n');
}
