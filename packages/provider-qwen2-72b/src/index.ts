import 'reflect-metadata';

export { createQwen2_72BProvider } from './create-qwen2-72b-provider.js';
export { qwen2_72bMetadata } from './qwen2-72b-metadata.js';
export { Qwen2_72BProvider } from './qwen2-72b-provider.js';
export {
  resolveQwen2_72BSettings,
  type Qwen2_72BSettings,
  type ResolvedQwen2_72BSettings,
} from './qwen2-72b-settings.js';
