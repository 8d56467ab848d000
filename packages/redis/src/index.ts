export { createRedisRoutingStore } from './create-redis-routing-store.js';
export { InvalidStoreOptionsError } from './invalid-store-options-error.js';
export { RedisRoutingStore } from './redis-routing-store.js';
export type { RedisRoutingStoreOptions } from './redis-routing-store-options.js';
export type { RoutingStoreLogger } from './routing-store-logger.js';
