import type { GradioEvent } from '../src/gradio-event.js';

/** Every event of an iteration, each deep-copied as it arrives, and the error that ended it, if any. */
export async function collectEvents(events: AsyncIterable<GradioEvent>): Promise<{ events: GradioEvent[]; error: unknown }> {
  const collected: GradioEvent[] = [];
  try {
    for await (const event of events) collected.push(structuredClone(event));
    return { events: collected, error: undefined };
  } catch (error) {
    return { events: collected, error };
  }
}

/** The text an `append`-only consumer builds from the outputs' edits at `path` (full values start it). */
export function textFromEdits(events: readonly GradioEvent[], outputIndex: number, read: (value: unknown) => string, path: readonly (string | number)[]): string {
  let text = '';
  for (const event of events) {
    if (event.type !== 'output') continue;
    if (event.edits === null) {
      text = read(event.values[outputIndex]);
      continue;
    }
    for (const [op, editPath, value] of event.edits[outputIndex] ?? []) {
      if (op !== 'append' || JSON.stringify(editPath) !== JSON.stringify(path)) throw new Error(`unexpected edit ${op}`);
      text += value as string;
    }
  }
  return text;
}
