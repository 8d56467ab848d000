import { NoProviderForModelError, type ModelListing } from '@switchboard/core';
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';
import { requireApiKey } from './require-api-key.js';

/**
 * `GET /v1/models`: every model id and alias; `GET /v1/models/{model}`: one of them, or
 * 404. Extension fields: `switchboard_providers` lists who serves the name (and the model
 * id each uses), in routing order; an alias has `switchboard_alias_for`, the canonical id
 * it resolves to at the first provider.
 */
export function modelsRoute(app: FastifyInstance, context: GatewayContext): void {
  const onRequest = requireApiKey(context);
  app.get('/v1/models', { onRequest }, async () => ({ object: 'list', data: context.registry.models().map(modelEntry) }));
  app.get<{ Params: { '*': string } }>('/v1/models/*', { onRequest }, async (request) => {
    const listings = context.registry.models();
    const listing = listings.find((candidate) => candidate.name === request.params['*']);
    if (listing === undefined) {
      throw new NoProviderForModelError(
        request.params['*'],
        listings.map((candidate) => candidate.name),
      );
    }
    return modelEntry(listing);
  });
}

function modelEntry(listing: ModelListing) {
  const first = listing.providers[0];
  const alias = listing.providers.some((served) => served.model !== listing.name);
  return {
    id: listing.name,
    object: 'model',
    created: 0,
    owned_by: first?.provider ?? 'switchboard',
    switchboard_providers: listing.providers.map((served) => ({ provider: served.provider, model: served.model })),
    switchboard_alias_for: alias ? (first?.model ?? null) : null,
  };
}
