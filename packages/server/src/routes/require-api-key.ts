import type { onRequestAsyncHookHandler } from 'fastify';
import { InvalidApiKeyError } from '../errors/invalid-api-key-error.js';
import type { GatewayContext } from '../gateway-context.js';

/** An `onRequest` hook refusing requests without an accepted bearer key (when keys are configured). */
export function requireApiKey(context: GatewayContext): onRequestAsyncHookHandler {
  return async (request) => {
    const verdict = context.apiKeys.verify(request.headers.authorization);
    if (verdict !== 'ok') throw new InvalidApiKeyError(verdict === 'missing');
  };
}
