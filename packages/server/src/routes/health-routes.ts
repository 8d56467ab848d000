import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';

/**
 * `GET /health`: liveness, answered without touching any upstream. `GET /health/ready`:
 * 200 while some provider is routable (working, circuit not open), 503 otherwise, with
 * each provider's state.
 */
export function healthRoutes(app: FastifyInstance, context: GatewayContext): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    const providers = context.registry.health().map(({ provider, working, state }) => ({ provider, working, state }));
    const ready = !context.tracker.closing && providers.some((provider) => provider.working);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', providers });
  });
}
