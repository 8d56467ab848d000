import type { ChatMessage } from '../spec/chat-message.js';

/** The contents of every system message, joined by newlines; `''` when there are none. */
export function getSystemPrompt(messages: readonly ChatMessage[]): string {
  return messages
    .filter((message) => message.role === 'system' && message.content !== '')
    .map((message) => message.content)
    .join('\n');
}
