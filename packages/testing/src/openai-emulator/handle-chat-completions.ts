import type { ServerResponse } from 'node:http';
import { completion, openAIErrorBody, usageOf } from './chat-completion-wire.js';
import { faultReply, isReplyFault } from './fault-reply.js';
import { jsonReply, sendReply } from './http-replies.js';
import type { OpenAIEmulatorContext } from './openai-emulator-context.js';
import type { OpenAIChatRequestBody, OpenAIEmulatorFault } from './openai-emulator-options.js';
import { splitIntoChunks } from './split-into-chunks.js';
import { streamFaultKinds, writeChatStream, type StreamFault } from './write-chat-stream.js';

/** Answers `POST /v1/chat/completions`: a stream, a whole completion, or the request's fault. */
export async function handleChatCompletions(context: OpenAIEmulatorContext, body: unknown, response: ServerResponse): Promise<void> {
  const problem = invalidRequest(body);
  if (problem !== undefined) return sendReply(response, jsonReply(400, openAIErrorBody(problem, 'invalid_request_error')));
  const request = body as OpenAIChatRequestBody;
  const { options } = context;
  const number = context.chatRequests++;
  const fault = typeof options.fault === 'function' ? options.fault(number) : options.fault;
  if (fault?.kind === 'reset') {
    response.socket?.destroy();
    return;
  }
  if (isReplyFault(fault)) return sendReply(response, faultReply(fault));

  const answer = typeof options.answer === 'function' ? options.answer(request) : (options.answer ?? defaultAnswer(request));
  const allChunks = splitIntoChunks(answer, options.tokenSize ?? 4);
  const limit = typeof request.max_tokens === 'number' && request.max_tokens > 0 ? request.max_tokens : Infinity;
  const chunks = allChunks.slice(0, limit);
  const quirks = options.quirks ?? {};
  const finishReason = quirks.finishReason !== undefined ? quirks.finishReason : chunks.length < allChunks.length ? 'length' : 'stop';
  const header = { id: `chatcmpl-emulated${number}`, created: Math.floor(Date.now() / 1000), model: request.model ?? options.models?.[0] ?? 'emulated-model' };
  const promptTokens = Math.ceil(request.messages.reduce((total, message) => total + String(message.content).length, 0) / 4);

  if (request.stream !== true || quirks.ignoreStream === true) {
    return sendReply(response, jsonReply(200, completion(header, chunks.join(''), finishReason, usageOf(promptTokens, chunks.length))));
  }
  const plan = {
    ...header,
    chunks,
    finishReason,
    includeUsage: request.stream_options?.include_usage === true,
    promptTokens,
    tokenDelayMs: options.tokenDelayMs ?? 0,
    quirks,
  };
  await playStream(context, response, plan, streamFault(fault));
}

async function playStream(
  context: OpenAIEmulatorContext,
  response: ServerResponse,
  plan: Parameters<typeof writeChatStream>[1],
  fault: StreamFault | undefined,
): Promise<void> {
  const tracked = context.streams.track(response);
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-request-id': `req-${plan.id}`,
  });
  response.flushHeaders();
  await writeChatStream(response, plan, fault, tracked.signal, tracked.markDroppedByServer);
}

function streamFault(fault: OpenAIEmulatorFault | undefined): StreamFault | undefined {
  const kinds: readonly string[] = streamFaultKinds;
  return fault !== undefined && kinds.includes(fault.kind) ? (fault as StreamFault) : undefined;
}

function defaultAnswer(request: OpenAIChatRequestBody): string {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  return `You said: ${typeof lastUser?.content === 'string' ? lastUser.content : JSON.stringify(lastUser?.content ?? '')}`;
}

function invalidRequest(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'The request body must be a JSON object.';
  const { messages } = body as { messages?: unknown };
  if (!Array.isArray(messages) || messages.length === 0) return "'messages' must be a non-empty array.";
  const valid = messages.every((message) => typeof message === 'object' && message !== null && typeof (message as { role?: unknown }).role === 'string');
  return valid ? undefined : "Every message needs a 'role' and a 'content'.";
}
