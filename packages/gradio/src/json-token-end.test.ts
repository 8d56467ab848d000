import { describe, expect, it } from 'vitest';
import { jsonNumberEnd, jsonStringEnd } from './json-token-end.js';
import { seededRandom } from '../test/seeded-random.js';

/** Whether `token` alone is a JSON value of the given kind. */
function parsesAs(token: string, kind: 'string' | 'number'): boolean {
  try {
    return typeof JSON.parse(token) === kind && !/^\s|\s$/.test(token);
  } catch {
    return false;
  }
}

function randomToken(random: () => number, alphabet: string[], maxLength: number): string {
  const length = Math.floor(random() * maxLength);
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
}

describe('jsonStringEnd', () => {
  it('finds the end of valid literals and rejects invalid ones', () => {
    expect(jsonStringEnd('"abc",1', 0)).toBe(5);
    expect(jsonStringEnd('x"a\\"b"', 1)).toBe(7);
    expect(jsonStringEnd('"\\u00e9\\n\\/"', 0)).toBe(12);
    expect(jsonStringEnd('"é😀"', 0)).toBe(5);
    expect(jsonStringEnd('"a\nb"', 0)).toBe(-1);
    expect(jsonStringEnd('"\\x"', 0)).toBe(-1);
    expect(jsonStringEnd('"\\u00g0"', 0)).toBe(-1);
    expect(jsonStringEnd('"open', 0)).toBe(-1);
    expect(jsonStringEnd('abc', 0)).toBe(-1);
  });

  it('accepts exactly the literals JSON.parse accepts', () => {
    const random = seededRandom(11);
    const alphabet = ['a', ' ', '"', '\\', 'n', 'u', '0', 'f', 'F', 'g', '/', '\n', '\t', '\u001f', 'é', '😀', '\ud800', 'b'];
    for (let round = 0; round < 5000; round++) {
      const literal = `"${randomToken(random, alphabet, 8)}"`;
      const end = jsonStringEnd(`${literal}]`, 0);
      expect(end === literal.length, literal).toBe(parsesAs(literal, 'string'));
    }
  });
});

describe('jsonNumberEnd', () => {
  it('follows the JSON number grammar', () => {
    for (const valid of ['0', '-0', '12', '1.5', '0.001', '-3e-05', '1E+16', '2.5e3', '123456789.123']) {
      expect(jsonNumberEnd(`${valid},`, 0), valid).toBe(valid.length);
    }
    for (const invalid of ['-', '.5', '1.', '1e', '1e+', '+1', 'e5', '-.1', 'NaN', '']) {
      const end = jsonNumberEnd(`${invalid},`, 0);
      expect(end === invalid.length && parsesAs(invalid, 'number'), invalid).toBe(false);
    }
    expect(jsonNumberEnd('01', 0)).toBe(1);
  });

  it('ends where the longest valid number ends, as JSON.parse reads it', () => {
    const random = seededRandom(12);
    const alphabet = ['0', '1', '9', '-', '+', '.', 'e', 'E', 'x'];
    for (let round = 0; round < 5000; round++) {
      const token = randomToken(random, alphabet, 9);
      const end = jsonNumberEnd(`${token},`, 0);
      expect(end === token.length, token).toBe(parsesAs(token, 'number'));
    }
  });
});
