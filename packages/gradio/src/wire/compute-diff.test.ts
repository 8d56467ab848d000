import { describe, expect, it } from 'vitest';
import { computeDiff } from './compute-diff.js';

describe('computeDiff', () => {
  it('appends string extensions and replaces anything else', () => {
    expect(computeDiff('Hello', 'Hello!')).toEqual([['append', [], '!']]);
    expect(computeDiff('Hello', 'Help')).toEqual([['replace', [], 'Help']]);
    expect(computeDiff(1, 2)).toEqual([['replace', [], 2]]);
    expect(computeDiff(true, 1)).toEqual([['replace', [], 1]]);
    expect(computeDiff(null, 'x')).toEqual([['replace', [], 'x']]);
    expect(computeDiff('same', 'same')).toEqual([]);
    expect(computeDiff([['a', { b: [1] }]], [['a', { b: [1] }]])).toEqual([]);
  });

  it('recurses into lists over the common prefix, then deletes, then adds', () => {
    expect(computeDiff([['Hi', 'Hel']], [['Hi', 'Hello']])).toEqual([['append', [0, 1], 'lo']]);
    expect(computeDiff([['a', 'b']], [['a', 'b'], ['c', null]])).toEqual([['add', [1], ['c', null]]]);
    expect(computeDiff(['x', 'y'], ['z'])).toEqual([
      ['replace', [0], 'z'],
      ['delete', [1], null],
    ]);
  });

  it('numbers the deletes of a shrinking list for sequential application, or by original index', () => {
    const deletes = (originalDeleteIndices: boolean) =>
      computeDiff({ rows: [1, 2, 3, 4] }, { rows: [1] }, { originalDeleteIndices }).map(([, path]) => path);
    expect(deletes(false)).toEqual([['rows', 1], ['rows', 1], ['rows', 1]]);
    expect(deletes(true)).toEqual([['rows', 1], ['rows', 2], ['rows', 3]]);
  });

  it('recurses into dicts: shared keys in order with removed ones deleted, then new keys added', () => {
    expect(computeDiff({ a: 'x', b: 1, d: true }, { a: 'xy', c: 2, d: false })).toEqual([
      ['append', ['a'], 'y'],
      ['delete', ['b'], null],
      ['replace', ['d'], false],
      ['add', ['c'], 2],
    ]);
  });
});
