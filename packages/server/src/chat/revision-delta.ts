import type { TextDeltaPart, TextRevisionPart } from '@switchboard/core';
import type { ChunkDelta } from './completion-chunks.js';

/** What to send for one text part, and the answer the client holds afterwards. */
export interface TextUpdate {
  /** The delta to send, or `undefined` when the part changes nothing. */
  delta: ChunkDelta | undefined;
  /** The full answer as the client knows it after this update. */
  text: string;
}

/**
 * Turns a text part into an append-only OpenAI delta. A text delta is sent as content. A
 * revision that only extends what was sent is sent as its new suffix; any other revision
 * goes out as `{ content: "", switchboard_revision: <full revised text> }`, which clients
 * that know the field use to replace their copy, and others ignore.
 */
export function revisionDelta(sent: string, part: TextDeltaPart | TextRevisionPart): TextUpdate {
  if (part.type === 'text-delta') {
    return { delta: part.text === '' ? undefined : { content: part.text }, text: sent + part.text };
  }
  if (part.text === sent) return { delta: undefined, text: sent };
  if (part.text.startsWith(sent)) return { delta: { content: part.text.slice(sent.length) }, text: part.text };
  return { delta: { content: '', switchboard_revision: part.text }, text: part.text };
}
