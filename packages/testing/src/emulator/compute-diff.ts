/** One edit of a diff: `[op, path, value]`, as Gradio sends it. */
export type DiffEdit = [operation: 'replace' | 'append' | 'add' | 'delete', path: (string | number)[], value: unknown];

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * The edits turning `previous` into `next`, derived like the server does (protocol doc §6.2):
 * `append` for a string extension, list recursion over the common prefix then `delete` (original
 * ascending indices, as servers before 5.29.1) and `add`, dict recursion, `replace` otherwise.
 * Equal values give no edits.
 */
export function computeDiff(previous: unknown, next: unknown, path: (string | number)[] = []): DiffEdit[] {
  if (previous === next) return [];
  const type = jsonType(previous);
  if (type !== jsonType(next)) return [['replace', path, next]];
  if (type === 'null') return [];
  if (type === 'string') {
    const previousText = previous as string;
    const nextText = next as string;
    return nextText.startsWith(previousText)
      ? [['append', path, nextText.slice(previousText.length)]]
      : [['replace', path, nextText]];
  }
  if (type === 'array') {
    const previousItems = previous as unknown[];
    const nextItems = next as unknown[];
    const common = Math.min(previousItems.length, nextItems.length);
    const edits: DiffEdit[] = [];
    for (let index = 0; index < common; index++) {
      edits.push(...computeDiff(previousItems[index], nextItems[index], [...path, index]));
    }
    for (let index = common; index < previousItems.length; index++) edits.push(['delete', [...path, index], null]);
    for (let index = common; index < nextItems.length; index++) edits.push(['add', [...path, index], nextItems[index]]);
    return edits;
  }
  if (type === 'object') {
    const previousRecord = previous as Record<string, unknown>;
    const nextRecord = next as Record<string, unknown>;
    const edits: DiffEdit[] = [];
    for (const key of Object.keys(previousRecord)) {
      if (key in nextRecord) edits.push(...computeDiff(previousRecord[key], nextRecord[key], [...path, key]));
      else edits.push(['delete', [...path, key], null]);
    }
    for (const key of Object.keys(nextRecord)) {
      if (!(key in previousRecord)) edits.push(['add', [...path, key], nextRecord[key]]);
    }
    return edits;
  }
  return [['replace', path, next]];
}
