import type { DiffEdit, DiffPath } from '../gradio-event.js';

/**
 * The edits a Gradio server sends to turn `before` into `after` (protocol §6.2). With
 * `originalDeleteIndices` deletes on a shrinking list name the original indices (servers
 * before 5.29.1); otherwise they are pre-adjusted for sequential application.
 */
export function gradioDiff(before: unknown, after: unknown, options: { originalDeleteIndices?: boolean } = {}): DiffEdit[] {
  const edits: DiffEdit[] = [];
  compare(before, after, [], edits, options.originalDeleteIndices === true);
  return edits;
}

function compare(before: unknown, after: unknown, path: DiffPath, edits: DiffEdit[], original: boolean): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const kind = kindOf(before);
  if (kind !== kindOf(after)) {
    edits.push(['replace', path, after]);
  } else if (kind === 'string' && (after as string).startsWith(before as string)) {
    edits.push(['append', path, (after as string).slice((before as string).length)]);
  } else if (kind === 'list') {
    const old = before as unknown[];
    const next = after as unknown[];
    const common = Math.min(old.length, next.length);
    for (let index = 0; index < common; index++) compare(old[index], next[index], [...path, index], edits, original);
    for (let index = common; index < old.length; index++) edits.push(['delete', [...path, original ? index : common], null]);
    for (let index = common; index < next.length; index++) edits.push(['add', [...path, index], next[index]]);
  } else if (kind === 'dict') {
    const old = before as Record<string, unknown>;
    const next = after as Record<string, unknown>;
    for (const key of Object.keys(old)) {
      if (Object.hasOwn(next, key)) compare(old[key], next[key], [...path, key], edits, original);
    }
    for (const key of Object.keys(old)) if (!Object.hasOwn(next, key)) edits.push(['delete', [...path, key], null]);
    for (const key of Object.keys(next)) if (!Object.hasOwn(old, key)) edits.push(['add', [...path, key], next[key]]);
  } else {
    edits.push(['replace', path, after]);
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'dict' : typeof value;
}
