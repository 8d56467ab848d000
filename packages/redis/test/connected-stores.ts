import { createRedisRoutingStore } from '../src/create-redis-routing-store.js';
import type { RedisRoutingStore } from '../src/redis-routing-store.js';
import type { RedisRoutingStoreOptions } from '../src/redis-routing-store-options.js';
import { recordingLogger } from './recording-logger.js';
import { waitUntil } from './wait-until.js';

/** Opens stores (each its own connection, as separate processes would have) and closes them all at the end. */
export function connectedStores() {
  const opened: RedisRoutingStore[] = [];
  return {
    /**
     * A store with a recording logger, once it is connected to Redis. Its operation timeout
     * is 500 ms unless given: tests about sharing must not see a busy test machine as an outage.
     */
    async open(url: string, options: Partial<RedisRoutingStoreOptions> = {}) {
      const logger = recordingLogger();
      const store = createRedisRoutingStore({ url, prefix: 'test:', logger, operationTimeoutMs: 500, ...options });
      opened.push(store);
      await waitUntil(() => store.status().connected, `the store reached ${url}`);
      return Object.assign(store, { logger });
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    },
  };
}
