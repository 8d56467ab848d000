import { emulatorAnswer } from './emulator-answer.js';

/** A Qwen2-72B-Instruct Space emulator running on 127.0.0.1. */
export interface RunningEmulator {
  /** Root URL to give the Qwen provider as `baseUrl`. */
  readonly url: string;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/**
 * Starts the Space emulator used by `--emulator`: a short queue wait with position updates,
 * then {@link emulatorAnswer} streamed in small pieces. Loaded only when asked for.
 */
export async function startEmulator(): Promise<RunningEmulator> {
  const { startQwenSpaceEmulator } = await import('@switchboard/provider-qwen2-72b/testing');
  return startQwenSpaceEmulator({
    answer: (query, history) => emulatorAnswer(query, history),
    tokenSize: 6,
    tokenDelayMs: 10,
    queue: { waitMs: 400, updates: 2, rank: 1, queueSize: 2, etaSeconds: 1 },
  });
}
