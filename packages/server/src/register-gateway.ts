import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from './gateway-context.js';
import { installErrorHandling } from './install-error-handling.js';
import { installRequestHooks } from './install-request-hooks.js';
import { chatCompletionsRoute } from './routes/chat-completions-route.js';
import { healthRoutes } from './routes/health-routes.js';
import { metricsRoute } from './routes/metrics-route.js';
import { modelsRoute } from './routes/models-route.js';
import { preflightRoute } from './routes/preflight-route.js';
import { providersRoute } from './routes/providers-route.js';

/**
 * Adds the gateway's hooks, error handling and routes to a Fastify instance (its own or an
 * encapsulated plugin context), and drains open completions before the instance closes.
 */
export function registerGateway(app: FastifyInstance, context: GatewayContext): void {
  installRequestHooks(app, context);
  installErrorHandling(app, context);
  preflightRoute(app, context);
  chatCompletionsRoute(app, context);
  modelsRoute(app, context);
  providersRoute(app, context);
  healthRoutes(app, context);
  metricsRoute(app, context);
  app.addHook('preClose', async () => {
    await context.tracker.drain(context.closeGraceMs);
  });
}
