import { applyTextPart, type FinishPart, type StreamPart, type WarningPart } from '@switchboard/core';
import type { FastifyReply } from 'fastify';
import { successOutcome } from '../observability/request-record.js';
import { responseModel, type ChatCompletionContext } from './chat-completion-context.js';
import { completionId } from './completion-chunks.js';
import { completionUsage } from './completion-usage.js';
import { finishFailure, openAiFinishReason } from './finish-failure.js';
import { ignoredParams, ignoredParamsHeaders } from './ignored-params.js';

/**
 * Answers `stream: false`: reads the whole stream, then sends one `chat.completion` with
 * the exact final text (revisions applied), the finish reason and the usage. Any failure
 * is thrown for the caller to answer with an HTTP status.
 */
export async function completeChatCompletion(
  stream: AsyncGenerator<StreamPart>,
  context: ChatCompletionContext,
  reply: FastifyReply,
): Promise<void> {
  const warnings: WarningPart[] = [];
  let text = '';
  let finish: FinishPart | undefined;
  for await (const part of stream) {
    if (part.type === 'warning') warnings.push(part);
    else if (part.type === 'finish') finish = part;
    else text = applyTextPart(text, part);
  }
  const failure = finishFailure(finish, text);
  if (failure !== undefined) throw failure;
  const answeredBy = context.record.provider;
  const usage = await completionUsage(context.call.request.messages, text, finish?.usage);
  context.record.outcome = successOutcome;
  reply
    .code(200)
    .headers(ignoredParamsHeaders(ignoredParams(context.call, warnings.filter((warning) => warning.provider === answeredBy))))
    .type('application/json; charset=utf-8')
    .send({
      id: completionId(),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: responseModel(context),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null },
          logprobs: null,
          finish_reason: openAiFinishReason(finish),
        },
      ],
      usage,
    });
}
