import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** No endpoint of the gateway answers this method and path. */
export class RouteNotFoundError extends SwitchboardError {
  static override readonly code = 'ROUTE_NOT_FOUND';

  constructor(method: string, path: string, options: SwitchboardErrorOptions = {}) {
    super(
      `The gateway has no endpoint ${method} ${path}. It serves POST /v1/chat/completions, GET /v1/models, ` +
        'GET /v1/providers, GET /health, GET /health/ready and GET /metrics.',
      options,
    );
  }
}
