import { Qwen2_72BProvider } from './qwen2-72b-provider.js';
import type { Qwen2_72BSettings } from './qwen2-72b-settings.js';

/** A provider instance for explicit use, without going through a registry. */
export function createQwen2_72BProvider(settings: Qwen2_72BSettings = {}): Qwen2_72BProvider {
  return new Qwen2_72BProvider(settings);
}
