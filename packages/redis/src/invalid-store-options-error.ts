import { SwitchboardError } from '@switchboard/core';

/** `createRedisRoutingStore()` was given an option it cannot use; the message names it. */
export class InvalidStoreOptionsError extends SwitchboardError {
  static override readonly code = 'INVALID_STORE_OPTIONS';
}
