import type { FastifyPluginAsync } from 'fastify';
import { createGatewayContext, type GatewayContext } from './gateway-context.js';
import type { GatewayOptions } from './gateway-options.js';
import { registerGateway } from './register-gateway.js';

/** Where `createGateway` hands its prepared context to the plugin. */
export const gatewayContextKey = Symbol('switchboard.gatewayContext');

/**
 * The gateway as a Fastify 5 plugin, to mount in an existing app:
 * `app.register(switchboardGateway, { registry, prefix: '/llm' })`. Its hooks, error
 * handler and 404 handler stay inside its own context; requests log through the host's
 * logger (the `logger` option is ignored). When the host closes, open completions get
 * `closeGraceMs` to finish before they are aborted.
 */
export const switchboardGateway: FastifyPluginAsync<GatewayOptions> = async (app, options) => {
  const prepared = (options as GatewayOptions & { [gatewayContextKey]?: GatewayContext })[gatewayContextKey];
  registerGateway(app, prepared ?? createGatewayContext(options));
};
