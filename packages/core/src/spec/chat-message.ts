/** Who wrote a message in a conversation. */
export type ChatRole = 'system' | 'user' | 'assistant';

/**
 * One message of a conversation. `content` is plain text; richer content parts
 * (images, tool calls) would extend this type with a union later.
 */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}
