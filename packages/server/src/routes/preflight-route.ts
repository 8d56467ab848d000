import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';

/** `OPTIONS` on any path: the CORS preflight answer (204; CORS headers only for allowed origins). */
export function preflightRoute(app: FastifyInstance, context: GatewayContext): void {
  app.options('/*', async (request, reply) => reply.code(204).headers(context.cors.preflightHeaders(request.headers)).send());
}
