import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { applyDiff, listDeleteModeFor } from './apply-diff.js';
import type { DiffEdit } from './gradio-event.js';
import { computeDiff as gradioDiff } from './wire/index.js';
import { seededRandom } from '../test/seeded-random.js';

const copy = <T>(value: T): T => structuredClone(value);

describe('applyDiff at the root', () => {
  it('replaces the root with any value and appends to a root string', () => {
    expect(applyDiff('old', [['replace', [], { fresh: true }]])).toEqual({ fresh: true });
    expect(applyDiff('Hello', [['append', [], ', world']])).toBe('Hello, world');
    expect(applyDiff(null, [['replace', [], 'x'], ['append', [], 'y']])).toBe('xy');
  });

  it('rejects add and delete at the root, and append to a non-string root', () => {
    expect(() => applyDiff([1], [['add', [], 2]])).toThrow(ProtocolError);
    expect(() => applyDiff([1], [['delete', [], null]])).toThrow(/delete is not allowed at the root/);
    expect(() => applyDiff(['a'], [['append', [], 'b']])).toThrow(/append target is a list/);
  });

  it('returns the same value when the edit list is empty', () => {
    const value = { a: 1 };
    expect(applyDiff(value, [])).toBe(value);
  });
});

describe('applyDiff on lists and dicts', () => {
  it('replaces, appends, adds and deletes in a list, in place', () => {
    const list = ['a', 'b', 'c'];
    const result = applyDiff(list, [
      ['replace', [0], 'A'],
      ['append', [1], '!'],
      ['add', [1], 'inserted'],
      ['add', [4], 'end'],
      ['delete', [3], null],
    ]);
    expect(result).toBe(list);
    expect(list).toEqual(['A', 'inserted', 'b!', 'end']);
  });

  it('replaces, appends, adds and deletes dict keys', () => {
    const dict: Record<string, unknown> = { keep: 1, text: 'ab', gone: true };
    applyDiff(dict, [
      ['replace', ['keep'], 2],
      ['append', ['text'], 'c'],
      ['add', ['new'], [1]],
      ['delete', ['gone'], null],
    ]);
    expect(dict).toEqual({ keep: 2, text: 'abc', new: [1] });
    expect(Object.keys(dict)).toEqual(['keep', 'text', 'new']);
  });

  it('walks nested paths of indices and keys', () => {
    const value = { history: [['Hi', 'Hel'], ['Q', null]], meta: { tags: ['x'] } };
    applyDiff(value, [
      ['append', ['history', 0, 1], 'lo'],
      ['replace', ['history', 1, 1], 'A'],
      ['add', ['meta', 'tags', 1], 'y'],
    ]);
    expect(value).toEqual({ history: [['Hi', 'Hello'], ['Q', 'A']], meta: { tags: ['x', 'y'] } });
  });

  it('applies the chat shapes of protocol §6.3: a new pair by add, a null answer replaced, then appended', () => {
    const chatbot: unknown[] = [['Hi', 'Hello!']];
    applyDiff(chatbot, [['add', [1], ['How are you?', null]]]);
    applyDiff(chatbot, [['replace', [1, 1], 'Fine']]);
    applyDiff(chatbot, [['append', [1, 1], ', thanks']]);
    expect(chatbot).toEqual([['Hi', 'Hello!'], ['How are you?', 'Fine, thanks']]);
  });

  it('accepts a number as a dict key (Python int keys) but only integers as list indices', () => {
    const dict: Record<string, unknown> = { '1': 'a' };
    applyDiff(dict, [['append', [1], 'b']]);
    expect(dict).toEqual({ '1': 'ab' });
    expect(() => applyDiff(['a'], [['replace', ['0'], 'b']])).toThrow(/list index "0"/);
    expect(() => applyDiff(['a'], [['replace', [0.5], 'b']])).toThrow(ProtocolError);
  });

  it('adds a "__proto__" key as plain data without touching the prototype', () => {
    const dict: Record<string, unknown> = {};
    applyDiff(dict, [['add', ['__proto__'], { polluted: true }]]);
    expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
    expect(Object.hasOwn(dict, '__proto__')).toBe(true);
    expect((dict as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('applyDiff rejects what the protocol does not allow', () => {
  const cases: Array<[string, unknown, unknown, RegExp]> = [
    ['edits that are not a list', [1], { op: 'replace' }, /a diff must be a list of edits/],
    ['an edit that is not a triple', [1], [['replace', [0]]], /not an \[op, path, value\] triple/],
    ['an unknown op', [1], [['move', [0], 1]], /unknown op "move"/],
    ['a path that is not a list', [1], [['replace', '0', 1]], /path that is not a list/],
    ['a path segment of another type', [1], [['replace', [true], 1]], /not a string or number/],
    ['an index past the end', ['a'], [['replace', [1], 'b']], /out of range 0..0/],
    ['an add index past the end', ['a'], [['add', [2], 'b']], /out of range 0..1/],
    ['a missing dict key', { a: 1 }, [['replace', ['b'], 2]], /key "b" does not exist/],
    ['a delete of a missing key', { a: 1 }, [['delete', ['b'], null]], /key "b" does not exist/],
    ['walking into a string', { a: 'text' }, [['replace', ['a', 0, 1], 'x']], /cannot walk into "text" with 0/],
    ['walking through a missing key', { a: {} }, [['replace', ['a', 'b', 'c'], 1]], /cannot walk into a dict with "b"/],
    ['an append to a list', { a: [] }, [['append', ['a'], 'x']], /append target is a list, not a string/],
    ['an append to a number', [1], [['append', [0], 'x']], /append target is number/],
    ['an append of a non-string', ['a'], [['append', [0], 5]], /append value is number/],
  ];
  for (const [name, value, edits, message] of cases) {
    it(`throws ProtocolError for ${name}`, () => {
      const before = copy(value);
      let caught: unknown;
      try {
        applyDiff(value, edits);
      } catch (error) {
        caught = error;
      }
      expect(ProtocolError.isInstance(caught)).toBe(true);
      expect((caught as Error).message).toMatch(message);
      expect(value).toEqual(before);
    });
  }

  it('undoes the edits already applied when a later edit of the same diff fails', () => {
    const value = { list: ['a', 'b', 'c'], text: 'x', dict: { k: 1 } };
    const before = copy(value);
    const edits = [
      ['append', ['text'], 'yz'],
      ['delete', ['list', 0], null],
      ['add', ['list', 0], 'new'],
      ['replace', ['dict', 'k'], 2],
      ['add', ['dict', 'n'], 3],
      ['delete', ['dict', 'k'], null],
      ['append', ['list', 9], 'boom'],
    ];
    expect(() => applyDiff(value, edits)).toThrow(ProtocolError);
    expect(value).toEqual(before);
    expect(Object.keys(value.dict)).toEqual(['k']);
  });
});

describe('list deletes across server versions (protocol §6.4)', () => {
  it('applies original-index deletes of servers before 5.29.1 in descending order', () => {
    const legacy: DiffEdit[] = [['delete', [2], null], ['delete', [3], null], ['delete', [4], null]];
    expect(applyDiff(['a', 'b', 'c', 'd', 'e'], copy(legacy), { version: '4.36.1' })).toEqual(['a', 'b']);
    expect(applyDiff(['a', 'b', 'c', 'd', 'e'], copy(legacy), { version: '5.29.0' })).toEqual(['a', 'b']);
    expect(() => applyDiff(['a', 'b', 'c', 'd', 'e'], copy(legacy), { version: '5.29.1' })).toThrow(ProtocolError);
  });

  it('applies the pre-adjusted deletes of 5.29.1 and later one after another', () => {
    const adjusted: DiffEdit[] = [['delete', [2], null], ['delete', [2], null], ['delete', [2], null]];
    expect(applyDiff(['a', 'b', 'c', 'd', 'e'], copy(adjusted), { version: '5.29.1' })).toEqual(['a', 'b']);
    expect(applyDiff(['a', 'b', 'c', 'd', 'e'], copy(adjusted), { version: '6.0.0' })).toEqual(['a', 'b']);
    expect(applyDiff(['a', 'b', 'c', 'd', 'e'], copy(adjusted))).toEqual(['a', 'b']);
  });

  it('treats each run on one parent list separately, nested runs included', () => {
    const value = { rows: [[1, 2, 3, 4], [5, 6, 7]], other: ['x', 'y', 'z'] };
    applyDiff(
      value,
      [
        ['delete', ['rows', 0, 1], null],
        ['delete', ['rows', 0, 2], null],
        ['delete', ['rows', 0, 3], null],
        ['delete', ['rows', 1, 1], null],
        ['delete', ['rows', 1, 2], null],
        ['add', ['other', 3], 'w'],
        ['delete', ['other', 1], null],
        ['delete', ['other', 2], null],
      ],
      { version: '4.44.1' },
    );
    expect(value).toEqual({ rows: [[1], [5]], other: ['x', 'w'] });
  });

  it('maps versions to the delete rule, pre-releases included', () => {
    expect(listDeleteModeFor('4.36.1')).toBe('original-indices');
    expect(listDeleteModeFor('5.29.1b1')).toBe('original-indices');
    expect(listDeleteModeFor('5.29.1')).toBe('sequential');
    expect(listDeleteModeFor('5.36')).toBe('sequential');
    expect(listDeleteModeFor(null)).toBe('sequential');
    expect(listDeleteModeFor('unknown')).toBe('sequential');
  });
});

describe('applyDiff against the server diff algorithm', () => {
  it('turns the old value into the new one for random changes, with both delete rules', () => {
    const random = seededRandom(2024);
    for (let round = 0; round < 500; round++) {
      const before = randomValue(random, 3);
      const after = mutate(structuredClone(before), random, 3);
      for (const [version, originalDeleteIndices] of [['4.36.1', true], ['5.31.0', false]] as const) {
        const edits = gradioDiff(before, after, { originalDeleteIndices });
        expect(applyDiff(copy(before), edits, { version }), JSON.stringify({ before, after, edits })).toEqual(after);
      }
    }
  });
});

function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 0 ? 6 : 4));
  if (pick === 0) return null;
  if (pick === 1) return Math.floor(random() * 10);
  if (pick === 2) return random() < 0.5;
  if (pick === 3) return 'héllo😀'.slice(0, Math.floor(random() * 6));
  if (pick === 4) return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth - 1));
  const dict: Record<string, unknown> = {};
  for (let index = Math.floor(random() * 4); index > 0; index--) dict[`k${Math.floor(random() * 6)}`] = randomValue(random, depth - 1);
  return dict;
}

function mutate(value: unknown, random: () => number, depth: number): unknown {
  const roll = random();
  if (roll < 0.15) return randomValue(random, depth);
  if (typeof value === 'string') return roll < 0.7 ? `${value}+more` : value;
  if (Array.isArray(value)) {
    const kept = roll < 0.5 ? value.slice(0, Math.floor(random() * (value.length + 1))) : value;
    const changed = kept.map((item) => (random() < 0.4 ? mutate(item, random, depth - 1) : item));
    while (random() < 0.3) changed.push(randomValue(random, depth - 1));
    return changed;
  }
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (random() < 0.2) continue;
      result[key] = random() < 0.4 ? mutate(item, random, depth - 1) : item;
    }
    if (random() < 0.3) result[`n${Math.floor(random() * 6)}`] = randomValue(random, depth - 1);
    return result;
  }
  return roll < 0.5 ? randomValue(random, 0) : value;
}
