import type { OutgoingHttpHeaders } from 'node:http';
import { isTextPart, type FinishPart, type StatusPart, type StreamPart } from '@switchboard/core';
import type { FastifyReply } from 'fastify';
import { describeError } from '../http/describe-error.js';
import { openAiErrorBody } from '../http/openai-error-body.js';
import { clientClosedOutcome, successOutcome } from '../observability/request-record.js';
import { SseWriter } from '../sse/sse-writer.js';
import { responseModel, type ChatCompletionContext } from './chat-completion-context.js';
import { CompletionChunks } from './completion-chunks.js';
import { completionUsage } from './completion-usage.js';
import { finishFailure, openAiFinishReason } from './finish-failure.js';
import { ignoredParams, ignoredParamsHeaders } from './ignored-params.js';
import { openStream } from './open-stream.js';
import { revisionDelta } from './revision-delta.js';

/**
 * Answers `stream: true`. Headers wait until the provider accepted the request, so an
 * earlier failure is thrown for the caller to answer with an HTTP status. Then: comment
 * lines while queued, a chunk with the role (content "") before the first text, one chunk
 * per text part, one chunk with the finish reason, the usage chunk when asked for, and
 * `data: [DONE]`. A failure after
 * the headers is one `data: {"error": ...}` event, and the stream ends without `[DONE]`.
 */
export async function streamChatCompletion(
  stream: AsyncGenerator<StreamPart>,
  context: ChatCompletionContext,
  reply: FastifyReply,
): Promise<void> {
  const opened = await openStream(stream);
  const response = reply.raw;
  reply.hijack();
  response.writeHead(200, {
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
    ...ignoredParamsHeaders(ignoredParams(context.call, opened.warnings)),
  });
  const writer = new SseWriter(response, context.keepAliveMs);
  const chunks = new CompletionChunks(responseModel(context), context.call.includeUsage);
  let sent = '';
  let roleSent = false;
  const sendRole = () => {
    roleSent = true;
    return writer.data(chunks.delta({ role: 'assistant', content: '' }));
  };
  try {
    let finish: FinishPart | undefined;
    for await (const part of opened.parts) {
      if (isTextPart(part)) {
        const { delta, text } = revisionDelta(sent, part);
        sent = text;
        if (delta === undefined) continue;
        if (!roleSent) await sendRole();
        const written =
          delta.switchboard_revision === undefined ? writer.dataJson(chunks.contentJson(delta.content ?? '')) : writer.data(chunks.delta(delta));
        if (written !== undefined) await written;
      } else if (part.type === 'status') {
        await writer.comment(statusComment(part));
      } else if (part.type === 'warning') {
        await writer.comment(`warning ${part.code} provider=${part.provider} setting=${part.setting}`);
      } else {
        finish = part;
      }
    }
    const failure = finishFailure(finish, sent);
    if (failure !== undefined) throw failure;
    if (!roleSent) await sendRole();
    await writer.data(chunks.delta({}, openAiFinishReason(finish)));
    if (context.call.includeUsage) {
      await writer.data(chunks.usage(await completionUsage(context.call.request.messages, sent, finish?.usage)));
    }
    await writer.done();
    context.record.outcome = writer.open ? successOutcome : clientClosedOutcome;
  } catch (error) {
    if (!writer.open) {
      context.record.outcome = clientClosedOutcome;
      return;
    }
    const description = describeError(error);
    context.record.outcome = description.code;
    await writer.data(openAiErrorBody(description));
  } finally {
    writer.end();
    await stream.return(undefined).catch(() => undefined);
  }
}

/** `queued position=3 size=5 eta=12s`, or `started`; unknown fields are left out. */
export function statusComment(part: StatusPart): string {
  const fields = [
    part.position === undefined ? '' : ` position=${part.position}`,
    part.queueSize === undefined ? '' : ` size=${part.queueSize}`,
    part.etaSeconds === undefined ? '' : ` eta=${Math.round(part.etaSeconds)}s`,
  ];
  return `${part.stage}${fields.join('')}`;
}
