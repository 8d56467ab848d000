import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';
import { requireApiKey } from './require-api-key.js';

/** `GET /v1/providers`: each provider's metadata and its health as `registry.health()` reports it. */
export function providersRoute(app: FastifyInstance, context: GatewayContext): void {
  app.get('/v1/providers', { onRequest: requireApiKey(context) }, async () => {
    const health = new Map(context.registry.health().map((report) => [report.provider, report]));
    return {
      object: 'list',
      data: context.registry.list().map((metadata) => ({
        id: metadata.name,
        object: 'provider',
        metadata,
        health: health.get(metadata.name) ?? null,
      })),
    };
  });
}
