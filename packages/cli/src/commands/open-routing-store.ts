import type { RedisRoutingStore } from '@switchboard/redis';
import { ConfigError } from '../config/config-error.js';
import type { LoadedConfig } from '../config/load-config.js';
import { UsageError } from '../usage-error.js';

/** The environment variable that names the Redis when `--redis` is not given. */
export const redisUrlVariable = 'SWITCHBOARD_REDIS_URL';

/** Longest wait for the first connection to Redis before the gateway starts anyway, on local state. */
const firstConnectionWaitMs = 2_000;

/** Where to look for a Redis URL, and where the store's connection changes go. */
export interface RoutingStoreSources {
  /** `--redis URL`: wins over the environment and the configuration file. */
  flag?: string;
  /** Read for {@link redisUrlVariable}. */
  env: NodeJS.ProcessEnv;
  /** Its `redis` section: `url` (used last), `prefix`, `operationTimeoutMs`. */
  config?: LoadedConfig;
  /** Receives one line per change of the connection (connected, unreachable, back). */
  logger: { info(line: string): void; warn(line: string): void };
}

/**
 * Opens the shared routing store named by `--redis`, else `SWITCHBOARD_REDIS_URL`, else
 * `redis.url` in the configuration; `undefined` when none names one. Loads
 * `@switchboard/redis` only then. Waits (up to 2 s) until the first connection attempt
 * settled, so a gateway that starts listening already shares state when Redis is up; when
 * it is not, routing goes on with local state and the store keeps probing. Throws
 * `UsageError` for a bad `--redis` or environment URL, and `ConfigError` when the
 * configuration has a `redis` section but no URL is given anywhere.
 */
export async function openRoutingStore(sources: RoutingStoreSources): Promise<RedisRoutingStore | undefined> {
  const section = sources.config?.config.redis;
  const chosen = chooseUrl(sources);
  if (chosen === undefined) {
    if (section === undefined) return undefined;
    throw new ConfigError(`no Redis URL; give "url" here, --redis URL, or ${redisUrlVariable}`, { file: sources.config?.file, field: 'redis' });
  }
  const { createRedisRoutingStore, InvalidStoreOptionsError } = await import('@switchboard/redis');
  let store: RedisRoutingStore;
  try {
    store = createRedisRoutingStore({
      url: chosen.url,
      ...(section?.prefix === undefined ? {} : { prefix: section.prefix }),
      ...(section?.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: section.operationTimeoutMs }),
      logger: sources.logger,
    });
  } catch (error) {
    if (!InvalidStoreOptionsError.isInstance(error)) throw error;
    const message = (error as Error).message;
    if (chosen.source === 'config') throw new ConfigError(message, { file: sources.config?.file, field: 'redis.url', cause: error });
    throw new UsageError(`${chosen.source}: ${message}`, { cause: error });
  }
  await firstConnectionSettled(store);
  return store;
}

function chooseUrl(sources: RoutingStoreSources): { url: string; source: '--redis' | typeof redisUrlVariable | 'config' } | undefined {
  if (sources.flag !== undefined) return { url: sources.flag, source: '--redis' };
  const fromEnvironment = sources.env[redisUrlVariable]?.trim();
  if (fromEnvironment !== undefined && fromEnvironment !== '') return { url: fromEnvironment, source: redisUrlVariable };
  const fromConfig = sources.config?.config.redis?.url;
  return fromConfig === undefined ? undefined : { url: fromConfig, source: 'config' };
}

async function firstConnectionSettled(store: RedisRoutingStore): Promise<void> {
  const deadline = Date.now() + firstConnectionWaitMs;
  while (Date.now() < deadline) {
    const status = store.status();
    if (status.connected || status.lastError !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
