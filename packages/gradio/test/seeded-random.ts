/** A small deterministic random generator (mulberry32), so failures replay. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** `bytes` cut at random positions (pieces of 1 to `maxPiece` bytes, some empty). */
export function randomSplit(bytes: Uint8Array, random: () => number, maxPiece = 17): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let position = 0;
  while (position < bytes.length) {
    if (random() < 0.05) pieces.push(new Uint8Array(0));
    const size = 1 + Math.floor(random() * maxPiece);
    pieces.push(bytes.subarray(position, position + size));
    position += size;
  }
  return pieces;
}

/** `bytes` one byte at a time. */
export function byteByByte(bytes: Uint8Array): Uint8Array[] {
  return Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
}
