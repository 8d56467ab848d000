import type { GradioEvent } from '../gradio-event.js';

/**
 * Iterates `events`, copying each one, and aborts `controller` (reason "stopped by the test")
 * as soon as `stopWhen` holds for the events seen so far. Returns them and the error that
 * ended the iteration, if any.
 */
export async function abortWhen(
  events: AsyncIterable<GradioEvent>,
  controller: AbortController,
  stopWhen: (seen: readonly GradioEvent[]) => boolean,
): Promise<{ seen: GradioEvent[]; error: unknown }> {
  const seen: GradioEvent[] = [];
  try {
    for await (const event of events) {
      seen.push(structuredClone(event));
      if (!controller.signal.aborted && stopWhen(seen)) controller.abort('stopped by the test');
    }
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}
