/** A deterministic source of numbers in [0, 1), so that a failing random case can be replayed from its seed. */
export type Random = () => number;

/** A small linear congruential generator seeded with `seed`. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A whole number in [0, limit). */
export function randomInteger(random: Random, limit: number): number {
  return Math.floor(random() * limit);
}

/** One of `choices`, picked at random. */
export function pick<T>(random: Random, choices: readonly T[]): T {
  return choices[randomInteger(random, choices.length)]!;
}

/** `bytes` cut at random places: pieces of 1 byte up to `maxPiece` bytes, with empty pieces now and then. */
export function splitRandomly(random: Random, bytes: Buffer, maxPiece: number): Buffer[] {
  const pieces: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const length = random() < 0.05 ? 0 : 1 + randomInteger(random, maxPiece);
    pieces.push(bytes.subarray(start, start + length));
    start += length;
  }
  return pieces;
}
