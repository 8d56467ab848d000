const words = [
  'the', 'model', 'answer', 'streams', 'text', 'over', 'a', 'queue', 'and', 'each', 'token', 'arrives', 'as',
  'one', 'message', 'with', 'its', 'diff', 'so', 'clients', 'must', 'keep', 'up', 'while', 'it', 'grows',
  'long', 'in', 'practice', 'this', 'means', 'parsing', 'JSON', 'fast', 'without', 'copying', 'what', 'came', 'before',
];

/**
 * The tokens of a deterministic answer of `count` tokens, about five characters each, with a
 * new paragraph now and then, a bullet list and some quoted words. The answer is already in
 * the form the Space's whitespace tidying leaves unchanged, so every token streams as one append.
 */
export function benchTokens(count: number): string[] {
  const tokens: string[] = [];
  let state = 20240611;
  const next = (limit: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % limit;
  };
  for (let index = 0; index < count; index++) {
    const word = words[next(words.length)]!;
    const roll = next(100);
    if (index === 0) tokens.push('Sure');
    else if (roll < 1) tokens.push(`.\n\n${capitalize(word)}`);
    else if (roll < 2) tokens.push(`:\n- ${word}`);
    else if (roll < 4) tokens.push(` "${word}"`);
    else if (roll < 10) tokens.push(`, ${word}`);
    else tokens.push(` ${word}`);
  }
  return tokens;
}

/** The final answer text of {@link benchTokens}. */
export function benchAnswer(count: number): string {
  return benchTokens(count).join('');
}

/** The query that makes the bench server answer with `count` tokens. */
export function benchQuery(count: number): string {
  return `Write ${count} tokens`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
