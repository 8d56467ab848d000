import { describe, expect, it } from 'vitest';
import { computeDiff } from './compute-diff.js';

describe('computeDiff', () => {
  it('appends string extensions and replaces anything else', () => {
    expect(computeDiff('Hello', 'Hello!')).toEqual([['append', [], '!']]);
    expect(computeDiff('Hello', 'Help')).toEqual([['replace', [], 'Help']]);
    expect(computeDiff(1, 2)).toEqual([['replace', [], 2]]);
    expect(computeDiff(null, 'x')).toEqual([['replace', [], 'x']]);
    expect(computeDiff('same', 'same')).toEqual([]);
  });

  it('recurses into lists: common prefix, then deletes with original indices, then adds', () => {
    expect(computeDiff([['Hi', 'Hel']], [['Hi', 'Hello']])).toEqual([['append', [0, 1], 'lo']]);
    expect(computeDiff([['a', 'b']], [['a', 'b'], ['c', null]])).toEqual([['add', [1], ['c', null]]]);
    expect(computeDiff([1, 2, 3, 4], [1])).toEqual([
      ['delete', [1], null],
      ['delete', [2], null],
      ['delete', [3], null],
    ]);
  });

  it('recurses into dicts', () => {
    expect(computeDiff({ a: 'x', b: 1 }, { a: 'xy', c: 2 })).toEqual([
      ['append', ['a'], 'y'],
      ['delete', ['b'], null],
      ['add', ['c'], 2],
    ]);
  });
});
