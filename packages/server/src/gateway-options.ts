import type { ProviderRegistry } from '@switchboard/core';
import type { FastifyBaseLogger } from 'fastify';

/**
 * What the gateway needs from a registry: streaming, the provider and model lists and the
 * providers' health. A `ProviderRegistry` from `createRegistry()` or `getRegistry()` fits.
 */
export type GatewayRegistry = Pick<ProviderRegistry, 'stream' | 'list' | 'models' | 'health' | 'has'> &
  Partial<Pick<ProviderRegistry, 'refreshHealth' | 'storeStatus'>>;

/** Which browser origins may call the gateway. */
export interface GatewayCorsOptions {
  /**
   * Allowed `Origin` values, e.g. `['https://app.example.com']`, or `'*'` for any origin.
   * Default: none, so browsers are refused (non-browser clients are not affected).
   */
  origins: readonly string[] | '*';
  /** How long a browser may cache a preflight answer, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

/** Settings of the gateway's own pino logger (Fastify's). */
export interface GatewayLoggerOptions {
  /** Lowest level written: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Default `info`. */
  level?: string;
  /** Where lines go. Default: standard output. */
  stream?: { write(line: string): void };
}

/** Options of {@link createGateway} and of the Fastify plugin {@link switchboardGateway}. */
export interface GatewayOptions {
  /** The registry whose providers answer. Required. */
  registry: GatewayRegistry;
  /**
   * Accepted API keys. When the list is not empty, every `/v1/*` request must carry
   * `Authorization: Bearer <one of them>` or is refused with 401. Default: no key needed.
   * `/health`, `/health/ready` and `/metrics` never need a key.
   */
  apiKeys?: readonly string[];
  /** Largest accepted request body, in bytes; a larger one is refused with 413. Default 1 MiB. */
  bodyLimitBytes?: number;
  /**
   * Chat completions served at once (streaming or not); one more is refused with 429.
   * Default: no limit.
   */
  maxConcurrentStreams?: number;
  /** Browser access (CORS). Default: no CORS headers at all. */
  cors?: GatewayCorsOptions;
  /**
   * Logging, one line per request (request id, model, provider, attempts, time to first
   * token, duration, outcome); keys and prompts are never logged. `true`: info level on
   * standard output; an options object; or a pino-compatible logger to write to.
   * Default `false` (silent). Ignored by the Fastify plugin, which logs through its host.
   */
  logger?: boolean | GatewayLoggerOptions | FastifyBaseLogger;
  /**
   * Interval of `: keep-alive` comment lines on an open stream that has nothing else to
   * send, in milliseconds; `0` turns them off. Default 15000.
   */
  keepAliveMs?: number;
  /**
   * Grace period used when the gateway closes because its host Fastify app closes (plugin
   * use); `gateway.close({ graceMs })` takes its own. Default 10000.
   */
  closeGraceMs?: number;
}

/** Options of `gateway.listen()`. */
export interface GatewayListenOptions {
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Port; `0` picks a free one. Default 0. */
  port?: number;
}

/** Options of `gateway.close()`. */
export interface GatewayCloseOptions {
  /**
   * How long open chat completions may run on after new connections are refused, in
   * milliseconds. Past it they are aborted (their clients get an error event) and their
   * upstream requests are cancelled. Default 10000.
   */
  graceMs?: number;
}
