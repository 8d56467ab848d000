import { InvalidRequestError } from '../errors/invalid-request-error.js';
import type { ChatMessage } from '../spec/chat-message.js';

/**
 * The text of a message: its string content, or its text parts joined without separator.
 * Throws `InvalidRequestError` for a part of any other kind, so nothing is dropped silently.
 */
export function messageText(message: Pick<ChatMessage, 'content'>): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) {
    throw new InvalidRequestError('Message content must be a string or a list of text parts.', { param: 'content' });
  }
  let text = '';
  for (const [index, part] of content.entries()) {
    const kind = (part as { type?: unknown } | null)?.type;
    if (kind !== 'text' || typeof (part as { text?: unknown }).text !== 'string') {
      throw new InvalidRequestError(
        `Content part ${index} is of type ${JSON.stringify(kind ?? null)}; only text parts ({ type: 'text', text }) are supported.`,
        { param: `content[${index}]` },
      );
    }
    text += part.text;
  }
  return text;
}
