import type { ChatRequest } from '../spec/chat-request.js';
import type { GenerationSetting } from '../spec/generation-settings.js';
import type { ProviderMetadata } from '../spec/provider-metadata.js';
import type { WarningPart } from '../spec/stream-part.js';
import { generationSettingNames } from './normalize-chat-request.js';

/** The generation settings a request carries that the provider does not declare in `supportedSettings`. */
export function ignoredSettings(request: ChatRequest, metadata: ProviderMetadata): GenerationSetting[] {
  const supported = new Set(metadata.supportedSettings ?? []);
  return generationSettingNames.filter((setting) => request[setting] !== undefined && !supported.has(setting));
}

/** One `unsupported-setting` warning part per setting the provider will ignore. */
export function ignoredSettingWarnings(request: ChatRequest, metadata: ProviderMetadata): WarningPart[] {
  return ignoredSettings(request, metadata).map((setting) => ({
    type: 'warning',
    code: 'unsupported-setting',
    provider: metadata.name,
    setting,
    message: `Provider ${metadata.name} does not support "${setting}"; it was ignored.`,
  }));
}
