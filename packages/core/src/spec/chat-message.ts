/** Who wrote a message in a conversation. */
export type ChatRole = 'system' | 'user' | 'assistant';

/** A piece of text inside a message's content. */
export interface TextContentPart {
  type: 'text';
  text: string;
}

/**
 * One part of a message's content. Only text parts exist today; a registry refuses any
 * other kind with `INVALID_REQUEST` instead of dropping it.
 */
export type ChatContentPart = TextContentPart;

/**
 * One message of a conversation. `content` is plain text, or a list of text parts that
 * helpers such as `messageText()` join into one string.
 */
export interface ChatMessage {
  role: ChatRole;
  content: string | readonly ChatContentPart[];
}
