import { InvalidStoreOptionsError } from './invalid-store-options-error.js';
import { consoleLogger, type RoutingStoreLogger } from './routing-store-logger.js';

/** Options of `createRedisRoutingStore()`. */
export interface RedisRoutingStoreOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. */
  url: string;
  /** Put before every key, so several deployments can share one Redis. Default `switchboard:`. */
  prefix?: string;
  /**
   * Longest wait for Redis on any routing operation; after it, routing goes on with local
   * state and Redis counts as unreachable until a probe answers. Default 50.
   */
  operationTimeoutMs?: number;
  /**
   * Time-to-live of a concurrency lease, refreshed every third of it while the request
   * runs: a process that dies frees its slots within this time. Default 10000.
   */
  leaseTtlMs?: number;
  /** How often a waiting request asks for a slot another process may have freed (±50 % jitter). Default 25. */
  leaseRetryMs?: number;
  /**
   * How long a half-open circuit's trial stays claimed without an outcome, so that a
   * process dying mid-trial does not keep others from trying. Default 120000.
   */
  trialTtlMs?: number;
  /** How often an unreachable Redis is probed. Default 1000. */
  probeIntervalMs?: number;
  /** Limit of one connection attempt. Default 1000. */
  connectTimeoutMs?: number;
  /** How long an untouched circuit is kept in Redis (at least twice the cool-down). Default 86400000. */
  keyTtlMs?: number;
  /** Receives one line per change of connection state. Default: the console. */
  logger?: RoutingStoreLogger;
}

/** The options with defaults filled in, plus `where`: the URL without credentials. */
export interface ResolvedStoreSettings extends Required<Omit<RedisRoutingStoreOptions, 'url'>> {
  where: string;
}

const positive = ['operationTimeoutMs', 'leaseTtlMs', 'leaseRetryMs', 'trialTtlMs', 'probeIntervalMs', 'connectTimeoutMs', 'keyTtlMs'] as const;

/** Fills in defaults and checks every option; throws `InvalidStoreOptionsError`. */
export function resolveStoreSettings(options: RedisRoutingStoreOptions): ResolvedStoreSettings {
  const settings = {
    prefix: options.prefix ?? 'switchboard:',
    operationTimeoutMs: options.operationTimeoutMs ?? 50,
    leaseTtlMs: options.leaseTtlMs ?? 10_000,
    leaseRetryMs: options.leaseRetryMs ?? 25,
    trialTtlMs: options.trialTtlMs ?? 120_000,
    probeIntervalMs: options.probeIntervalMs ?? 1_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 1_000,
    keyTtlMs: options.keyTtlMs ?? 86_400_000,
    logger: options.logger ?? consoleLogger,
    where: redactedUrl(options.url),
  };
  for (const name of positive) {
    const value = settings[name];
    if (!Number.isFinite(value) || value <= 0) {
      throw new InvalidStoreOptionsError(`${name} must be a positive number of milliseconds; got ${String(value)}.`);
    }
  }
  return settings;
}

function redactedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidStoreOptionsError(`url must look like redis://host:6379; got "${url}".`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new InvalidStoreOptionsError(`url must start with redis:// or rediss://; got "${parsed.protocol}//".`);
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
