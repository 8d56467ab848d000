import { ResponseTracker } from '../loopback/response-tracker.js';
import type { OpenAIEmulatorOptions } from './openai-emulator-options.js';

/** The state one emulator shares between its requests. */
export interface OpenAIEmulatorContext {
  readonly options: OpenAIEmulatorOptions;
  /** The streamed answers; `close()` stops them all. */
  readonly streams: ResponseTracker;
  chatRequests: number;
}

export function createOpenAIEmulatorContext(options: OpenAIEmulatorOptions): OpenAIEmulatorContext {
  return { options, streams: new ResponseTracker(), chatRequests: 0 };
}
