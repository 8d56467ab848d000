import { describe, expect, it } from 'vitest';
import { GrowingText } from './growing-text.js';
import { seededRandom } from '../test/seeded-random.js';

describe('GrowingText', () => {
  it('concatenates like +, across the point where the tail joins the head', () => {
    const growing = new GrowingText();
    let text = 'Start';
    let expected = 'Start';
    for (let index = 0; index < 500; index++) {
      const piece = index % 97 === 0 ? 'x'.repeat(300) : ` w${index} é😀`;
      text = growing.concat(text, piece);
      expected += piece;
      expect(text).toBe(expected);
    }
    expect(growing.concat(text, '')).toBe(expected);
  });

  it('starts over from any other text it is given', () => {
    const growing = new GrowingText();
    const first = growing.concat('abc', 'd');
    expect(growing.concat('replaced', '!')).toBe('replaced!');
    expect(growing.concat(first, 'e')).toBe('abcde');
  });

  it('matches plain concatenation on random pieces and interruptions', () => {
    const random = seededRandom(21);
    const growing = new GrowingText();
    let text = '';
    for (let step = 0; step < 3000; step++) {
      if (random() < 0.02) text = 'other text '.repeat(Math.floor(random() * 30));
      const piece = 'abcdefghij😀'.slice(0, Math.floor(random() * 12)).repeat(1 + Math.floor(random() * 4));
      const expected = text + piece;
      text = growing.concat(text, piece);
      expect(text).toBe(expected);
    }
  });
});
