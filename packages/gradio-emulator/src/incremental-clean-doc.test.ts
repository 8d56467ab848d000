import { describe, expect, it } from 'vitest';
import { cleanDoc } from './clean-doc.js';
import { IncrementalCleanDoc } from './incremental-clean-doc.js';

function randomTokens(seed: number, count: number): string[] {
  const alphabet = ['a', 'b', ' ', '  ', '\n', '\n\n', '\t', '\r', '\u00a0', '1. ', '**x**', ' y\n   z'];
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: count }, () => {
    const size = 1 + (next() % 3);
    return Array.from({ length: size }, () => alphabet[next() % alphabet.length]).join('');
  });
}

describe('IncrementalCleanDoc', () => {
  it('always equals cleanDoc of the raw text, and reports appends truthfully', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const tidier = new IncrementalCleanDoc(true);
      let raw = '';
      let previous = '';
      for (const token of randomTokens(seed, 80)) {
        raw += token;
        const { text, appended } = tidier.append(token);
        expect(text).toBe(cleanDoc(raw));
        if (appended !== undefined) expect(text).toBe(previous + appended);
        previous = text;
      }
    }
  });

  it('takes the fast path for words added to a line with content', () => {
    const tidier = new IncrementalCleanDoc(true);
    tidier.append('1. **A**\n   deta');
    expect(tidier.append('il')).toEqual({ text: '1. **A**\ndetail', appended: 'il' });
    expect(tidier.append('\nNext').appended).toBeUndefined();
  });

  it('appends paragraphs without recomputing once a later line starts flush left', () => {
    const tidier = new IncrementalCleanDoc(true);
    tidier.append('Intro');
    expect(tidier.append('\nFirst').appended).toBeUndefined();
    expect(tidier.append('.\n\n')).toEqual({ text: 'Intro\nFirst.', appended: '.' });
    expect(tidier.append('\n')).toEqual({ text: 'Intro\nFirst.', appended: '' });
    expect(tidier.append('  Second\n')).toEqual({ text: 'Intro\nFirst.\n\n\n  Second', appended: '\n\n\n  Second' });
    expect(tidier.append('\tx').appended).toBeUndefined();
  });

  it('passes text through untouched when tidying is off', () => {
    const tidier = new IncrementalCleanDoc(false);
    tidier.append('  a\n');
    expect(tidier.append('\n  b')).toEqual({ text: '  a\n\n  b', appended: '\n  b' });
  });
});
