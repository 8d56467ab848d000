import type { RequestRecord } from '../observability/request-record.js';
import type { ChatCompletionCall } from './to-chat-request.js';

/** What the streaming and non-streaming responders need about one chat completion. */
export interface ChatCompletionContext {
  call: ChatCompletionCall;
  record: RequestRecord;
  /** Interval of keep-alive comments on a stream, in milliseconds (0: none). */
  keepAliveMs: number;
}

/** The model name to echo: the one requested, or the resolved default when none was named. */
export function responseModel(context: ChatCompletionContext): string {
  return context.call.requestedModel || context.record.resolvedModel || '';
}
