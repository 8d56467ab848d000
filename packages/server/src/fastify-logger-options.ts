import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { GatewayOptions } from './gateway-options.js';

const redact = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'hfToken', 'apiKeys'],
  censor: '[redacted]',
};

/** Fastify's `logger` / `loggerInstance` options for the gateway's `logger` option, with credentials redacted. */
export function fastifyLoggerOptions(logger: GatewayOptions['logger']): Pick<FastifyServerOptions, 'logger' | 'loggerInstance'> {
  if (logger === undefined || logger === false) return { logger: false };
  if (logger === true) return { logger: { level: 'info', redact } };
  if (isLoggerInstance(logger)) return { loggerInstance: logger };
  return { logger: { level: logger.level ?? 'info', ...(logger.stream ? { stream: logger.stream } : {}), redact } };
}

function isLoggerInstance(logger: object): logger is FastifyBaseLogger {
  return typeof (logger as FastifyBaseLogger).child === 'function' && typeof (logger as FastifyBaseLogger).info === 'function';
}
