import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh, crypto-random 11-character base-36 session hash, like the ones Gradio's own clients use. */
export function createSessionHash(length = 11): string {
  let hash = '';
  while (hash.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 252 = 7 × 36: rejecting larger bytes keeps every character equally likely.
      if (byte < 252 && hash.length < length) hash += alphabet[byte % 36];
    }
  }
  return hash;
}
