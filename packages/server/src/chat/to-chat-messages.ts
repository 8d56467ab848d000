import { InvalidRequestError, type ChatMessage, type ChatRole, type TextContentPart } from '@switchboard/core';
import type { ChatCompletionMessage } from './chat-completion-body.js';

const roles: Record<string, ChatRole> = { system: 'system', developer: 'system', user: 'user', assistant: 'assistant' };

/**
 * OpenAI messages as Switchboard messages: `developer` becomes `system`; content stays a
 * string or becomes text parts. Tool messages, tool calls and non-text parts (images,
 * audio, files) are refused with `InvalidRequestError` naming the field.
 */
export function toChatMessages(messages: readonly ChatCompletionMessage[]): ChatMessage[] {
  return messages.map((message, index) => {
    const role = roles[message.role];
    if (role === undefined) {
      throw new InvalidRequestError(
        `Role ${JSON.stringify(message.role)} is not supported; use system, developer, user or assistant (tool results are not available).`,
        { param: `messages[${index}].role` },
      );
    }
    if (message.tool_calls && message.tool_calls.length > 0) {
      throw new InvalidRequestError('Tool calls are not supported by this gateway; remove them from the conversation.', {
        param: `messages[${index}].tool_calls`,
      });
    }
    return { role, content: toContent(message.content, index) };
  });
}

function toContent(content: ChatCompletionMessage['content'], index: number): ChatMessage['content'] {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part, partIndex): TextContentPart => {
    if (part.type !== 'text' || typeof part.text !== 'string') {
      throw new InvalidRequestError(
        `Content parts of type ${JSON.stringify(part.type)} are not supported; send text parts ({"type": "text", "text": "..."}) only.`,
        { param: `messages[${index}].content[${partIndex}]` },
      );
    }
    return { type: 'text', text: part.text };
  });
}
