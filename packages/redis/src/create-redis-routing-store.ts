import { createClient } from 'redis';
import { RedisRoutingStore, type StoreClient } from './redis-routing-store.js';
import { resolveStoreSettings, type RedisRoutingStoreOptions } from './redis-routing-store-options.js';

/**
 * A routing store in Redis for `createRegistry({ store })`: every registry and gateway
 * process given the same Redis and prefix shares circuits, `working` overrides and
 * concurrency limits. Returns at once and connects in the background; until Redis answers,
 * and whenever it stops answering, routing uses this process's local state (see
 * `RedisRoutingStore`). Call `close()` on shutdown.
 */
export function createRedisRoutingStore(options: RedisRoutingStoreOptions): RedisRoutingStore {
  const settings = resolveStoreSettings(options);
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: settings.connectTimeoutMs,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, settings.probeIntervalMs) + Math.floor(Math.random() * 50),
    },
  });
  const store = new RedisRoutingStore(client as unknown as StoreClient, settings);
  client.connect().catch(() => undefined);
  return store;
}
