import type { ChatRequest } from '../spec/chat-request.js';

/** A one-message request for the model alias `shared`, which `testMetadata()` serves. */
export function ask(content = 'hi', extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'shared', messages: [{ role: 'user', content }], ...extra };
}
