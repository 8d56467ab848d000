export { applyDiff, type ApplyDiffOptions } from './apply-diff.js';
export { compareVersions, isVersionAtLeast } from './compare-versions.js';
export { connectSpace, type GradioSpace, type SpaceOptions } from './connect-space.js';
export type {
  DiffEdit,
  DiffOperation,
  DiffPath,
  GradioCompletedEvent,
  GradioEvent,
  GradioHeartbeatEvent,
  GradioOutputEvent,
  GradioQueuedEvent,
  GradioStartedEvent,
} from './gradio-event.js';
export { createSessionHash } from './session-hash.js';
export { parseSpaceConfig, type GradioProtocol, type SpaceConfig } from './space-config.js';
export { clearSpaceConfigCache } from './space-config-cache.js';
export { SseDecoder, defaultMaxEventBytes, type SseDecoderOptions } from './sse-decoder.js';
export type { SubmitRequest } from './submit-request.js';
