import { InvalidRequestError } from '@switchboard/core';
import type { z } from 'zod';
import { chatCompletionBody, type ChatCompletionBody } from './chat-completion-body.js';

/**
 * Checks a parsed JSON body against the chat completion schema. The first problem becomes
 * an `InvalidRequestError` whose `param` is the field's path, e.g. `messages[1].content`.
 */
export function parseChatCompletionBody(body: unknown): ChatCompletionBody {
  const result = chatCompletionBody.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = formatPath(issue.path);
  if (param === '') {
    throw new InvalidRequestError('The request body must be a JSON object with "model" and "messages".', { param: undefined });
  }
  const problem = isMissing(issue) ? 'is required' : issue.message;
  throw new InvalidRequestError(`Invalid "${param}": ${problem}.`, { param });
}

/** `['messages', 0, 'content']` → `messages[0].content`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const key of path) {
    if (typeof key === 'number') formatted += `[${key}]`;
    else formatted += formatted === '' ? String(key) : `.${String(key)}`;
  }
  return formatted;
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.message.includes('received undefined');
}
