import { messageText, type ChatRequest, type GenerationSetting } from '@switchboard/core';

/** The Chat Completions field each generation setting is sent as. */
const wireNames: Record<GenerationSetting, string> = {
  temperature: 'temperature',
  maxOutputTokens: 'max_tokens',
  topP: 'top_p',
  stop: 'stop',
  seed: 'seed',
};

/** How the request body is built. */
export interface ChatRequestBodyOptions {
  /** The canonical model id to send. */
  model: string;
  /** Only these generation settings are sent; the others are left to the upstream's defaults. */
  supportedSettings: readonly GenerationSetting[];
  /** Adds `stream_options: { include_usage: true }`. */
  includeUsage: boolean;
}

/**
 * The JSON body of `POST /chat/completions` for a request: every message with its content
 * as one string (system messages included), `stream: true`, the usage option, and the
 * generation settings the provider declares, under their wire names.
 */
export function buildChatRequestBody(request: ChatRequest, options: ChatRequestBodyOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: options.model,
    messages: request.messages.map((message) => ({ role: message.role, content: messageText(message) })),
    stream: true,
  };
  if (options.includeUsage) body.stream_options = { include_usage: true };
  for (const setting of options.supportedSettings) {
    const value = request[setting];
    if (value !== undefined) body[wireNames[setting]] = Array.isArray(value) ? [...value] : value;
  }
  return body;
}
