import { ProtocolError } from '@switchboard/core';
import { isComparableVersion, compareVersions } from './compare-versions.js';
import { EditJournal, setOwn } from './edit-journal.js';
import type { DiffEdit, DiffPath } from './gradio-event.js';

/** Options of {@link applyDiff}. */
export interface ApplyDiffOptions {
  /**
   * The server's Gradio version. Servers before 5.29.1 send the deletes that shrink a list
   * with the original indices, so each run of them is applied in descending index order;
   * later servers pre-adjust them for sequential application. When omitted (or not a
   * version), the 5.29.1+ rule applies.
   */
  version?: string | null;
}

/** How a run of deletes on one list must be applied, by server version. */
export type ListDeleteMode = 'sequential' | 'original-indices';

/** The list-delete rule of a server version (protocol §6.4). */
export function listDeleteModeFor(version: string | null | undefined): ListDeleteMode {
  if (version === null || version === undefined || !isComparableVersion(version)) return 'sequential';
  return compareVersions(version, '5.29.1') < 0 ? 'original-indices' : 'sequential';
}

/**
 * Applies the edits of one Gradio diff to `value` and returns the new value. Edits are
 * applied in place: lists and dicts inside `value` are mutated, and the result is `value`
 * itself unless an edit replaced or appended to the root. Invalid edits (not an
 * `[op, path, value]` triple, an unknown op, a path that cannot be walked, an append to
 * something other than a string) throw `ProtocolError`, after undoing the edits already
 * applied, so `value` is left as it was.
 */
export function applyDiff(value: unknown, edits: unknown, options: ApplyDiffOptions = {}): unknown {
  const mode = listDeleteModeFor(options.version);
  if (!Array.isArray(edits) || edits.length <= 1) return applyEdits(value, edits, mode, null);
  const journal = new EditJournal();
  try {
    return applyEdits(value, edits, mode, journal);
  } catch (error) {
    journal.rollback();
    throw error;
  }
}

/** Joins an appended piece to the text it extends. */
export type TextConcat = (text: string, piece: string) => string;

const plainConcat: TextConcat = (text, piece) => text + piece;

/**
 * The work of {@link applyDiff} with an explicit journal: every mutation is recorded in
 * `journal` so that the caller can roll back several outputs at once. Each edit is checked
 * before it mutates anything, so a single edit needs no journal. `concat` makes the string
 * of each `append`.
 */
export function applyEdits(
  value: unknown,
  edits: unknown,
  mode: ListDeleteMode,
  journal: EditJournal | null,
  concat: TextConcat = plainConcat,
): unknown {
  if (!Array.isArray(edits)) throw new ProtocolError(`a diff must be a list of edits, got ${describe(edits)}`);
  let current = value;
  let index = 0;
  while (index < edits.length) {
    const edit = checkEdit(edits[index], index);
    if (mode === 'original-indices' && edit[0] === 'delete' && edit[1].length > 0) {
      const runEnd = findDeleteRunEnd(edits, index, edit[1]);
      if (runEnd - index > 1) {
        deleteRun(current, edits as DiffEdit[], index, runEnd, journal, concat);
        index = runEnd;
        continue;
      }
    }
    current = applyEdit(current, edit, index, journal, concat);
    index++;
  }
  return current;
}

function checkEdit(edit: unknown, index: number): DiffEdit {
  if (!Array.isArray(edit) || edit.length !== 3) {
    throw new ProtocolError(`diff edit ${index} is not an [op, path, value] triple: ${describe(edit)}`);
  }
  const op: unknown = edit[0];
  if (op !== 'append' && op !== 'replace' && op !== 'add' && op !== 'delete') {
    throw new ProtocolError(`diff edit ${index} has an unknown op ${describe(op)}`);
  }
  const path: unknown = edit[1];
  if (!Array.isArray(path)) throw new ProtocolError(`diff edit ${index} has a path that is not a list`);
  for (const segment of path) {
    if (typeof segment !== 'string' && typeof segment !== 'number') {
      throw new ProtocolError(`diff edit ${index} has a path segment that is not a string or number`);
    }
  }
  return edit as DiffEdit;
}

function applyEdit(root: unknown, edit: DiffEdit, index: number, journal: EditJournal | null, concat: TextConcat): unknown {
  const op = edit[0];
  const path = edit[1];
  const value = edit[2];
  if (path.length === 0) {
    if (op === 'replace') return value;
    if (op === 'append') return appendText(root, value, index, path, concat);
    throw editError(index, path, `${op} is not allowed at the root`);
  }
  const parent = walk(root, path, path.length - 1, index);
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    const position = listIndex(last, op === 'add' ? parent.length : parent.length - 1, index, path);
    if (op === 'add') {
      parent.splice(position, 0, value);
      journal?.recordInsert(parent, position);
    } else if (op === 'delete') {
      journal?.recordRemove(parent, position);
      parent.splice(position, 1);
    } else {
      const next = op === 'append' ? appendText(parent[position], value, index, path, concat) : value;
      journal?.recordSet(parent, position);
      parent[position] = next;
    }
    return root;
  }
  if (!isDict(parent)) throw editError(index, path, `its parent is ${describe(parent)}, not a list or dict`);
  const key = String(last);
  if (op !== 'add' && !Object.hasOwn(parent, key)) throw editError(index, path, `key ${JSON.stringify(key)} does not exist`);
  const next = op === 'append' ? appendText(parent[key], value, index, path, concat) : value;
  journal?.recordSet(parent, key);
  if (op === 'delete') delete parent[key];
  else setOwn(parent, key, next);
  return root;
}

function appendText(target: unknown, value: unknown, index: number, path: DiffPath, concat: TextConcat): string {
  if (typeof target !== 'string') throw editError(index, path, `append target is ${describe(target)}, not a string`);
  if (typeof value !== 'string') throw editError(index, path, `append value is ${describe(value)}, not a string`);
  return concat(target, value);
}

function walk(root: unknown, path: DiffPath, depth: number, index: number): unknown {
  let current = root;
  for (let level = 0; level < depth; level++) {
    const segment = path[level]!;
    if (Array.isArray(current)) {
      current = current[listIndex(segment, current.length - 1, index, path)];
    } else if (isDict(current) && Object.hasOwn(current, String(segment))) {
      current = current[String(segment)];
    } else {
      throw editError(index, path, `cannot walk into ${describe(current)} with ${JSON.stringify(segment)}`);
    }
  }
  return current;
}

function listIndex(segment: string | number, maximum: number, index: number, path: DiffPath): number {
  if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment > maximum) {
    throw editError(index, path, `list index ${JSON.stringify(segment)} is out of range 0..${maximum}`);
  }
  return segment;
}

function findDeleteRunEnd(edits: unknown[], start: number, path: DiffPath): number {
  let end = start + 1;
  while (end < edits.length) {
    const candidate = edits[end];
    if (!Array.isArray(candidate) || candidate[0] !== 'delete') break;
    const other = checkEdit(candidate, end)[1];
    if (other.length !== path.length || !samePrefix(path, other, path.length - 1)) break;
    end++;
  }
  return end;
}

function deleteRun(root: unknown, edits: DiffEdit[], start: number, end: number, journal: EditJournal | null, concat: TextConcat): void {
  const path = edits[start]![1];
  const parent = walk(root, path, path.length - 1, start);
  if (!Array.isArray(parent)) {
    for (let index = start; index < end; index++) applyEdit(root, edits[index]!, index, journal, concat);
    return;
  }
  const positions: number[] = [];
  for (let index = start; index < end; index++) {
    const editPath = edits[index]![1];
    positions.push(listIndex(editPath[editPath.length - 1]!, parent.length - 1, index, editPath));
  }
  if (new Set(positions).size !== positions.length) {
    throw editError(start, path, 'a run of deletes names the same original index twice');
  }
  positions.sort((a, b) => b - a);
  for (const position of positions) {
    journal?.recordRemove(parent, position);
    parent.splice(position, 1);
  }
}

function samePrefix(a: DiffPath, b: DiffPath, length: number): boolean {
  for (let level = 0; level < length; level++) if (a[level] !== b[level]) return false;
  return true;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function editError(index: number, path: DiffPath, reason: string): ProtocolError {
  return new ProtocolError(`diff edit ${index} at path ${JSON.stringify(path)} cannot be applied: ${reason}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  return typeof value === 'object' ? 'a dict' : typeof value;
}
