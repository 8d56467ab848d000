import 'reflect-metadata';

export { AnswerTracker } from './answer-tracker.js';
export { createQwen2_72BProvider } from './create-qwen2-72b-provider.js';
export { qwen2_72bMetadata } from './qwen2-72b-metadata.js';
export { Qwen2_72BProvider } from './qwen2-72b-provider.js';
export { Qwen2_72BSettings, type Qwen2_72BSettingsInit } from './qwen2-72b-settings.js';
export { chatFunctionIndex, chatTriggerId, defaultSystemPrompt } from './space-constants.js';
export { toSpaceInputs, type ChatPair, type SpaceInputs } from './to-space-inputs.js';
