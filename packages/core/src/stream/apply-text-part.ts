import type { StreamPart, TextDeltaPart, TextRevisionPart } from '../spec/stream-part.js';

/** Whether a part carries answer text (a delta or a revision). */
export function isTextPart(part: StreamPart): part is TextDeltaPart | TextRevisionPart {
  return part.type === 'text-delta' || part.type === 'text-revision';
}

/** The answer after `part`: a delta appends, a revision replaces, other parts change nothing. */
export function applyTextPart(text: string, part: StreamPart): string {
  if (part.type === 'text-delta') return text + part.text;
  if (part.type === 'text-revision') return part.text;
  return text;
}
