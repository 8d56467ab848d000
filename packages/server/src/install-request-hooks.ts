import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayContext } from './gateway-context.js';
import { incomingRequestId } from './http/request-id.js';
import { clientClosedOutcome, successOutcome, type RequestRecord } from './observability/request-record.js';

const quietRoutes = ['/health', '/health/ready', '/metrics'];

/**
 * Hooks every request of the gateway: it gets its request id (the client's `x-request-id`
 * when usable, else Fastify's request id) echoed in `x-request-id`, CORS headers for allowed origins, and, when its
 * response closes, one log line and its metrics. Health and metrics requests log at debug level.
 */
export function installRequestHooks(app: FastifyInstance, context: GatewayContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const record = context.track(request, incomingRequestId(request.headers) ?? String(request.id));
    reply.header('x-request-id', record.requestId);
    reply.headers(context.cors.responseHeaders(request.headers));
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) record.clientClosed = true;
      finishRequest(request, reply, record, context);
    });
  });
}

function finishRequest(request: FastifyRequest, reply: FastifyReply, record: RequestRecord, context: GatewayContext): void {
  const route = request.routeOptions.url ?? 'unmatched';
  const status = record.clientClosed && !reply.raw.headersSent ? 499 : reply.raw.statusCode;
  const outcome = record.clientClosed ? clientClosedOutcome : (record.outcome ?? (status < 400 ? successOutcome : `HTTP_${status}`));
  const errorCode = outcome === successOutcome || outcome === clientClosedOutcome ? undefined : outcome;
  context.metrics.countRequest(route, request.method, status, errorCode);
  const line = {
    requestId: record.requestId,
    method: request.method,
    route,
    status,
    model: record.model,
    provider: record.provider,
    attempts: record.attempts,
    timeToFirstTokenMs: roundMs(record.timeToFirstTokenMs),
    durationMs: roundMs(record.elapsedMs()),
    outcome,
  };
  if (quietRoutes.some((path) => route.endsWith(path))) request.log.debug(line, 'request completed');
  else request.log.info(line, 'request completed');
}

function roundMs(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 10) / 10;
}
