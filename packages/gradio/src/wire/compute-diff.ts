import type { DiffEdit, DiffPath } from '../gradio-event.js';

/** How {@link computeDiff} numbers the deletes of a shrinking list. */
export interface ComputeDiffOptions {
  /**
   * Name the deleted list items by their original indices, in ascending order, as servers
   * before 5.29.1 do. Otherwise (the default, 5.29.1 and later) every delete names the
   * index the item has once the deletes before it were applied.
   */
  originalDeleteIndices?: boolean;
}

type ValueKind = 'null' | 'list' | 'dict' | 'string' | 'other';

function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'dict';
  return typeof value === 'string' ? 'string' : 'other';
}

/**
 * The edits a Gradio server sends to turn `before` into `after` (protocol doc §6.2): nothing
 * for equal values, `append` when a string grows at its end, list recursion over the common
 * prefix then `delete` and `add`, dict recursion with `delete` of removed and `add` of new
 * keys, `replace` for anything else (including values of different JSON types).
 */
export function computeDiff(before: unknown, after: unknown, options: ComputeDiffOptions = {}): DiffEdit[] {
  const edits: DiffEdit[] = [];
  collectEdits(before, after, [], edits, options.originalDeleteIndices === true);
  return edits;
}

function collectEdits(before: unknown, after: unknown, path: DiffPath, edits: DiffEdit[], originalIndices: boolean): void {
  if (before === after) return;
  const kind = kindOf(before);
  if (kind !== kindOf(after)) {
    edits.push(['replace', path, after]);
    return;
  }
  switch (kind) {
    case 'null':
      return;
    case 'string': {
      const [previousText, nextText] = [before as string, after as string];
      if (nextText.startsWith(previousText)) edits.push(['append', path, nextText.slice(previousText.length)]);
      else edits.push(['replace', path, nextText]);
      return;
    }
    case 'list': {
      const [previousItems, nextItems] = [before as unknown[], after as unknown[]];
      const common = Math.min(previousItems.length, nextItems.length);
      for (let index = 0; index < common; index++) {
        collectEdits(previousItems[index], nextItems[index], [...path, index], edits, originalIndices);
      }
      for (let index = common; index < previousItems.length; index++) {
        edits.push(['delete', [...path, originalIndices ? index : common], null]);
      }
      for (let index = common; index < nextItems.length; index++) edits.push(['add', [...path, index], nextItems[index]]);
      return;
    }
    case 'dict': {
      const [previousRecord, nextRecord] = [before as Record<string, unknown>, after as Record<string, unknown>];
      for (const key of Object.keys(previousRecord)) {
        if (Object.hasOwn(nextRecord, key)) collectEdits(previousRecord[key], nextRecord[key], [...path, key], edits, originalIndices);
        else edits.push(['delete', [...path, key], null]);
      }
      for (const key of Object.keys(nextRecord)) {
        if (!Object.hasOwn(previousRecord, key)) edits.push(['add', [...path, key], nextRecord[key]]);
      }
      return;
    }
    default:
      edits.push(['replace', path, after]);
  }
}
