import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';

/** `GET /metrics`: the gateway's Prometheus metrics in the text exposition format. */
export function metricsRoute(app: FastifyInstance, context: GatewayContext): void {
  app.get('/metrics', async (_request, reply) => {
    const text = await context.metrics.render();
    return reply.type(context.metrics.contentType).send(text);
  });
}
