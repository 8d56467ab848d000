import { InvalidRequestError, SwitchboardError } from '@switchboard/core';
import type { FastifyInstance } from 'fastify';
import { PayloadTooLargeError } from './errors/payload-too-large-error.js';
import { RouteNotFoundError } from './errors/route-not-found-error.js';
import type { GatewayContext } from './gateway-context.js';
import { sendError } from './http/send-error.js';

/**
 * Every failure of the gateway's routes, Fastify's own included (body too large, bad JSON,
 * wrong content type, unknown route), is answered as an OpenAI error body.
 */
export function installErrorHandling(app: FastifyInstance, context: GatewayContext): void {
  app.setErrorHandler((error, request, reply) => sendError(reply, asSwitchboardError(error, context), context.recordOf(request)));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    return sendError(reply, new RouteNotFoundError(request.method, path), context.recordOf(request));
  });
}

function asSwitchboardError(error: unknown, context: GatewayContext): unknown {
  if (SwitchboardError.isInstance(error)) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status !== 'number' || status >= 500) return error;
  if (status === 413) return new PayloadTooLargeError(context.bodyLimitBytes, { cause: error });
  if (status === 415) {
    return new InvalidRequestError('The request body must be JSON, sent with "Content-Type: application/json".', { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new InvalidRequestError(`The request could not be read: ${reason}.`, { cause: error });
}
