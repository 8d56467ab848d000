import { Qwen2_72BProvider } from './qwen2-72b-provider.js';
import { Qwen2_72BSettings, type Qwen2_72BSettingsInit } from './qwen2-72b-settings.js';

/** A provider instance for explicit use, without going through a registry. */
export function createQwen2_72BProvider(settings: Qwen2_72BSettingsInit = {}): Qwen2_72BProvider {
  return new Qwen2_72BProvider(new Qwen2_72BSettings(settings));
}
