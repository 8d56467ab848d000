import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';
import { requireApiKey } from './require-api-key.js';

/**
 * `GET /v1/providers`: each provider's metadata and its health as the registry reports it
 * (read through from a shared routing store when there is one), and the store's status.
 */
export function providersRoute(app: FastifyInstance, context: GatewayContext): void {
  app.get('/v1/providers', { onRequest: requireApiKey(context) }, async () => {
    const reports = (await context.registry.refreshHealth?.()) ?? context.registry.health();
    const health = new Map(reports.map((report) => [report.provider, report]));
    return {
      object: 'list',
      store: context.registry.storeStatus?.() ?? null,
      data: context.registry.list().map((metadata) => ({
        id: metadata.name,
        object: 'provider',
        metadata,
        health: health.get(metadata.name) ?? null,
      })),
    };
  });
}
