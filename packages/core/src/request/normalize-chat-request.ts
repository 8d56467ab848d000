import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { messageText } from '../messages/message-text.js';
import type { ChatMessage, ChatRole } from '../spec/chat-message.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { GenerationSetting } from '../spec/generation-settings.js';

const roles: ReadonlySet<ChatRole> = new Set(['system', 'user', 'assistant']);

const settingChecks: Record<GenerationSetting, { valid: (value: unknown) => boolean; expected: string }> = {
  temperature: { valid: (value) => isFiniteNumber(value) && value >= 0, expected: 'a number >= 0' },
  maxOutputTokens: { valid: (value) => Number.isSafeInteger(value) && (value as number) > 0, expected: 'a positive integer' },
  topP: { valid: (value) => isFiniteNumber(value) && value > 0 && value <= 1, expected: 'a number in (0, 1]' },
  stop: {
    valid: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== ''),
    expected: 'a list of non-empty strings',
  },
  seed: { valid: (value) => Number.isSafeInteger(value), expected: 'an integer' },
};

/** Every generation setting's name, in a stable order. */
export const generationSettingNames = Object.keys(settingChecks) as GenerationSetting[];

/**
 * Checks a request before anything is sent and returns a copy whose message contents are
 * plain strings (text parts joined). Throws `InvalidRequestError`, naming the field, for:
 * no messages, a message that is not `{ role, content }`, an unknown role, content other
 * than text, a conversation without a user message, or a generation setting out of range.
 */
export function normalizeChatRequest(request: ChatRequest): ChatRequest {
  if (typeof request !== 'object' || request === null) {
    throw new InvalidRequestError('A chat request must be an object with "messages".', { param: 'request' });
  }
  const { messages } = request;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InvalidRequestError('"messages" must be a non-empty list of { role, content } messages.', {
      param: 'messages',
    });
  }
  const normalized = messages.map((message, index) => normalizeMessage(message, index));
  if (!normalized.some((message) => message.role === 'user')) {
    throw new InvalidRequestError('The conversation needs at least one message with role "user".', {
      param: 'messages',
    });
  }
  for (const setting of generationSettingNames) {
    const value = request[setting];
    if (value !== undefined && !settingChecks[setting].valid(value)) {
      throw new InvalidRequestError(
        `"${setting}" must be ${settingChecks[setting].expected} (got ${JSON.stringify(value)}).`,
        { param: setting },
      );
    }
  }
  if (request.provider !== undefined && (typeof request.provider !== 'string' || request.provider === '')) {
    throw new InvalidRequestError('"provider" must be a provider name.', { param: 'provider' });
  }
  return { ...request, messages: normalized };
}

function normalizeMessage(message: ChatMessage, index: number): ChatMessage {
  if (typeof message !== 'object' || message === null) {
    throw new InvalidRequestError(`messages[${index}] must be an object { role, content }.`, {
      param: `messages[${index}]`,
    });
  }
  if (!roles.has(message.role)) {
    throw new InvalidRequestError(
      `messages[${index}].role is ${JSON.stringify(message.role ?? null)}; use "system", "user" or "assistant".`,
      { param: `messages[${index}].role` },
    );
  }
  try {
    return { role: message.role, content: messageText(message) };
  } catch (error) {
    if (!InvalidRequestError.isInstance(error)) throw error;
    throw new InvalidRequestError(`messages[${index}]: ${error.message}`, {
      param: `messages[${index}].${error.param ?? 'content'}`,
    });
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
