import type { ErrorDescription } from './describe-error.js';

/** The OpenAI error object: `{ message, type, param, code }`. */
export interface OpenAiErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string;
}

/** `{ error: { message, type, param, code } }`, as the official clients parse it. */
export function openAiErrorBody(description: ErrorDescription): { error: OpenAiErrorObject } {
  const { message, type, param, code } = description;
  return { error: { message, type, param, code } };
}

/** The headers that tell a client whether and when to retry. */
export function retryHeaders(description: ErrorDescription): Record<string, string> {
  const headers: Record<string, string> = { 'x-should-retry': String(description.shouldRetry) };
  if (description.retryAfterMs !== undefined) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(description.retryAfterMs / 1000)));
    headers['retry-after-ms'] = String(Math.round(description.retryAfterMs));
  }
  return headers;
}
