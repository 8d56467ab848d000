import { normalizeRootUrl } from './normalize-root-url.js';
import type { SpaceConfig } from './space-config.js';

const configs = new Map<string, SpaceConfig>();

/** The config discovered earlier for a normalized root URL, if any. */
export function getCachedSpaceConfig(rootUrl: string): SpaceConfig | undefined {
  return configs.get(rootUrl);
}

/** Remembers a successfully discovered config for a normalized root URL. */
export function cacheSpaceConfig(rootUrl: string, config: SpaceConfig): void {
  configs.set(rootUrl, config);
}

/**
 * Forgets discovered configs, for one root URL or all of them, so that the next
 * `connectSpace` fetches `/config` again (e.g. after the app was redeployed).
 */
export function clearSpaceConfigCache(rootUrl?: string): void {
  if (rootUrl === undefined) configs.clear();
  else configs.delete(normalizeRootUrl(rootUrl));
}
