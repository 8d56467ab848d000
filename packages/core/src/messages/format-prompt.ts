import type { ChatMessage } from '../spec/chat-message.js';
import { messageText } from './message-text.js';

/**
 * Folds a conversation into one prompt for back ends without native history. A single
 * message is its content alone; otherwise each non-empty message becomes a
 * `Role: content` line, followed by `\nAssistant:` to invite the answer.
 */
export function formatPrompt(messages: readonly ChatMessage[]): string {
  if (messages.length === 0) return '';
  if (messages.length === 1) return messageText(messages[0]!);
  const lines = messages
    .map((message) => ({ role: message.role, text: messageText(message) }))
    .filter((message) => message.text !== '')
    .map((message) => `${capitalize(message.role)}: ${message.text}`);
  return `${lines.join('\n')}\nAssistant:`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
