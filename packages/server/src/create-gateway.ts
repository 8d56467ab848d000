import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { loadTokenCounter } from './chat/completion-usage.js';
import { createGatewayContext } from './gateway-context.js';
import type { GatewayCloseOptions, GatewayListenOptions, GatewayOptions } from './gateway-options.js';
import { incomingRequestId } from './http/request-id.js';
import { fastifyLoggerOptions } from './fastify-logger-options.js';
import { gatewayContextKey, switchboardGateway } from './switchboard-gateway.js';

/** A running (or ready to run) OpenAI-compatible gateway; see {@link createGateway}. */
export interface Gateway {
  /**
   * Loads the tokenizer used for usage estimates (once per process, about half a second),
   * starts listening and resolves to the base URL, e.g. `http://127.0.0.1:8787` (clients
   * use `${url}/v1`). Port 0 picks a free port.
   */
  listen(options?: GatewayListenOptions): Promise<string>;
  /**
   * Stops accepting connections, lets open chat completions finish within `graceMs`, then
   * aborts the rest (their clients get an error event, their upstream requests are
   * cancelled) and releases every socket. Calling it again returns the same promise.
   */
  close(options?: GatewayCloseOptions): Promise<void>;
  /** The base URL once `listen()` resolved. */
  readonly url: string | undefined;
  /**
   * A Node request listener serving the gateway, to mount in an existing `node:http`
   * server instead of calling `listen()`: `createServer(gateway.handler)`.
   */
  readonly handler: RequestListener;
  /** The underlying Fastify instance, for adding routes or hooks before `listen()`. */
  readonly fastify: FastifyInstance;
}

/**
 * An OpenAI-compatible HTTP gateway over a registry: `POST /v1/chat/completions`
 * (streaming and not), `GET /v1/models`, `GET /v1/providers`, `GET /health`,
 * `GET /health/ready` and `GET /metrics`. Nothing listens until `listen()`.
 *
 * @example
 * const gateway = createGateway({ registry: getRegistry(), apiKeys: ['secret'] });
 * const url = await gateway.listen({ host: '127.0.0.1', port: 8787 });
 * // later
 * await gateway.close({ graceMs: 5_000 });
 */
export function createGateway(options: GatewayOptions): Gateway {
  const context = createGatewayContext(options);
  let listener: RequestListener | undefined;
  const app = Fastify({
    ...fastifyLoggerOptions(options.logger),
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => incomingRequestId(request.headers) ?? randomUUID(),
    bodyLimit: context.bodyLimitBytes,
    forceCloseConnections: true,
    serverFactory: (handler) => {
      listener = handler;
      return createServer(handler);
    },
  });
  app.register(switchboardGateway, { ...options, [gatewayContextKey]: context } as GatewayOptions);
  let ready: PromiseLike<unknown> | undefined;
  let closing: Promise<void> | undefined;
  let url: string | undefined;
  return {
    get url() {
      return url;
    },
    fastify: app,
    handler(request: IncomingMessage, response: ServerResponse) {
      ready ??= app.ready();
      ready.then(
        () => listener!(request, response),
        () => {
          response.statusCode = 500;
          response.end();
        },
      );
    },
    async listen({ host = '127.0.0.1', port = 0 } = {}) {
      await loadTokenCounter();
      url = await app.listen({ host, port });
      return url;
    },
    close({ graceMs = 10_000 } = {}) {
      closing ??= (async () => {
        if (app.server.listening) app.server.close();
        await context.tracker.drain(graceMs);
        await app.close();
      })();
      return closing;
    },
  };
}
