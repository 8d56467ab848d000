const words = [
  'a', 'stream', 'of', 'chunks', 'carries', 'the', 'answer', 'one', 'delta', 'at', 'time', 'and', 'every', 'event',
  'is', 'JSON', 'so', 'the', 'reader', 'must', 'parse', 'it', 'quickly', 'while', 'keeping', 'memory', 'flat',
  'café', 'naïve', 'résumé', 'Zürich', '東京', 'données', '🦊',
];

/**
 * The content deltas of a deterministic answer of `count` chunks, about five characters each:
 * mostly words, with paragraph breaks, list items, quotes, tabs and non-ASCII text (accents,
 * CJK, an emoji) so that JSON escapes and multi-byte characters occur all through the stream.
 */
export function benchDeltas(count: number): string[] {
  const deltas: string[] = [];
  let state = 0x5eed;
  const next = (limit: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) % limit;
  };
  for (let index = 0; index < count; index++) {
    const word = words[next(words.length)]!;
    const roll = next(100);
    if (index === 0) deltas.push('Certainly');
    else if (roll < 1) deltas.push(`.\n\n${word}`);
    else if (roll < 2) deltas.push(`:\n- ${word}`);
    else if (roll < 4) deltas.push(` "${word}"`);
    else if (roll < 5) deltas.push(`\t${word}\\`);
    else if (roll < 12) deltas.push(`, ${word}`);
    else deltas.push(` ${word}`);
  }
  return deltas;
}

/** The final text of {@link benchDeltas}. */
export function benchAnswer(count: number): string {
  return benchDeltas(count).join('');
}

/** The model name that makes the bench upstream answer with `count` chunks. */
export function benchModel(count: number): string {
  return `bench-${count}`;
}
