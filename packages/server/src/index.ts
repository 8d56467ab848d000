export { createGateway, type Gateway } from './create-gateway.js';
export { switchboardGateway } from './switchboard-gateway.js';
export type {
  GatewayCloseOptions,
  GatewayCorsOptions,
  GatewayListenOptions,
  GatewayLoggerOptions,
  GatewayOptions,
  GatewayRegistry,
} from './gateway-options.js';
export { describeError, type ErrorDescription } from './http/describe-error.js';
export { GatewayBusyError } from './errors/gateway-busy-error.js';
export { GatewayClosingError } from './errors/gateway-closing-error.js';
export { InvalidApiKeyError } from './errors/invalid-api-key-error.js';
export { PayloadTooLargeError } from './errors/payload-too-large-error.js';
export { RouteNotFoundError } from './errors/route-not-found-error.js';
