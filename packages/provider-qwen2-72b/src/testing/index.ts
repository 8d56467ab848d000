export { qwenSpaceApp, type QwenSpaceAppOptions } from './qwen-space-app.js';
export { qwenSpaceComponentIds, qwenSpaceSystemPrompt } from './qwen-space-components.js';
export { QwenSpaceEmulatorPool, startQwenSpaceEmulator, type QwenSpaceEmulatorOptions } from './start-qwen-space-emulator.js';
