import type { FastifyReply } from 'fastify';
import type { RequestRecord } from '../observability/request-record.js';
import { clientClosedOutcome } from '../observability/request-record.js';
import { describeError } from './describe-error.js';
import { openAiErrorBody, retryHeaders } from './openai-error-body.js';

/**
 * Answers a failure as an OpenAI error: the status from `describeError`, the body
 * `{ error: { message, type, param, code } }` as JSON, `x-should-retry` and, when known,
 * `retry-after`. Nothing is sent to a client that has gone away. Unexpected failures are
 * logged with their stack.
 */
export function sendError(reply: FastifyReply, error: unknown, record: RequestRecord): FastifyReply | undefined {
  if (record.clientClosed) {
    record.outcome = clientClosedOutcome;
    return undefined;
  }
  const description = describeError(error);
  record.outcome = description.code;
  if (description.code === 'INTERNAL') reply.log.error({ err: error }, 'unexpected failure');
  return reply
    .code(description.status)
    .headers(retryHeaders(description))
    .type('application/json; charset=utf-8')
    .send(openAiErrorBody(description));
}
