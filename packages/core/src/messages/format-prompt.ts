import type { ChatMessage } from '../spec/chat-message.js';

/**
 * Folds a conversation into one prompt for back ends without native history. A single
 * message is its content alone; otherwise each non-empty message becomes a
 * `Role: content` line, followed by `\nAssistant:` to invite the answer.
 */
export function formatPrompt(messages: readonly ChatMessage[]): string {
  if (messages.length === 0) return '';
  if (messages.length === 1) return messages[0]!.content;
  const lines = messages
    .filter((message) => message.content !== '')
    .map((message) => `${capitalize(message.role)}: ${message.content}`);
  return `${lines.join('\n')}\nAssistant:`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
