import { StreamCounter } from './stream-counter.js';
import type { OpenAIEmulatorOptions } from './openai-emulator-options.js';

/** The state one emulator shares between its requests. */
export interface OpenAIEmulatorContext {
  readonly options: OpenAIEmulatorOptions;
  readonly streams: StreamCounter;
  /** Aborted when the emulator closes: every stream stops. */
  readonly closing: AbortController;
  chatRequests: number;
  streamsClosedByClient: number;
}

export function createOpenAIEmulatorContext(options: OpenAIEmulatorOptions): OpenAIEmulatorContext {
  return { options, streams: new StreamCounter(), closing: new AbortController(), chatRequests: 0, streamsClosedByClient: 0 };
}
