import type { GradioEvent } from '@switchboard/gradio';

/**
 * Iterates `events`, deep-copying each one as it arrives (later messages update earlier
 * values in place), until the iteration ends. With `stopWhen`, aborts `controller` (reason
 * "stopped by the test") as soon as it holds for the events seen so far. Never throws: the
 * error that ended the iteration, if any, is returned with the events.
 */
export async function readEvents(
  events: AsyncIterable<GradioEvent>,
  stop?: { controller: AbortController; stopWhen: (seen: readonly GradioEvent[]) => boolean },
): Promise<{ events: GradioEvent[]; error: unknown }> {
  const seen: GradioEvent[] = [];
  try {
    for await (const event of events) {
      seen.push(structuredClone(event));
      if (stop && !stop.controller.signal.aborted && stop.stopWhen(seen)) stop.controller.abort('stopped by the test');
    }
    return { events: seen, error: undefined };
  } catch (error) {
    return { events: seen, error };
  }
}
