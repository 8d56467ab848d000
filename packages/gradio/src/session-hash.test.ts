import { describe, expect, it } from 'vitest';
import { createSessionHash } from './session-hash.js';

describe('createSessionHash', () => {
  it('makes 11 base-36 characters, different every time', () => {
    const hashes = Array.from({ length: 2000 }, () => createSessionHash());
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-z]{11}$/);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('uses the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 500 }, () => createSessionHash()).join(''));
    expect(seen.size).toBe(36);
  });
});
