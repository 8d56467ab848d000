import { AbortError, type RoutingEvent } from '@switchboard/core';
import type { FastifyInstance } from 'fastify';
import { completeChatCompletion } from '../chat/complete-chat-completion.js';
import { parseChatCompletionBody } from '../chat/parse-chat-completion-body.js';
import { streamChatCompletion } from '../chat/stream-chat-completion.js';
import { toChatRequest } from '../chat/to-chat-request.js';
import type { GatewayContext } from '../gateway-context.js';
import { requireApiKey } from './require-api-key.js';

/**
 * `POST /v1/chat/completions` on `registry.stream()`. The upstream request is cancelled
 * when the client goes away and when the gateway closes past its grace period.
 */
export function chatCompletionsRoute(app: FastifyInstance, context: GatewayContext): void {
  app.post('/v1/chat/completions', { bodyLimit: context.bodyLimitBytes, onRequest: requireApiKey(context) }, async (request, reply) => {
    const record = context.recordOf(request);
    const call = toChatRequest(parseChatCompletionBody(request.body), context.registry);
    record.model = call.requestedModel;
    const lease = context.tracker.admit();
    const controller = new AbortController();
    const onGatewayClose = () => controller.abort(lease.signal.reason);
    const onClientClose = () => {
      if (!reply.raw.writableFinished) controller.abort(new AbortError('The client closed the connection.'));
    };
    lease.signal.addEventListener('abort', onGatewayClose, { once: true });
    reply.raw.once('close', onClientClose);
    const onEvent = (event: RoutingEvent) => {
      record.observe(event);
      if (event.type === 'first-token') context.metrics.observeTimeToFirstToken(event.provider, event.elapsedMs);
    };
    try {
      const stream = context.registry.stream(call.request, { signal: controller.signal, onEvent });
      const chatContext = { call, record, keepAliveMs: context.keepAliveMs };
      if (call.stream) await streamChatCompletion(stream, chatContext, reply);
      else await completeChatCompletion(stream, chatContext, reply);
    } finally {
      lease.signal.removeEventListener('abort', onGatewayClose);
      reply.raw.off('close', onClientClose);
      lease.release();
    }
    return reply;
  });
}
