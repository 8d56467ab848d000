const vocabulary = [
  'gateway', 'stream', 'token', 'model', 'answer', 'client', 'server', 'chunk', 'queue', 'delta', 'reply', 'socket',
  'text', 'route', 'event', 'line', 'bytes', 'fast', 'steady', 'plain', 'long', 'short', 'every', 'one', 'the', 'a',
];

/**
 * A deterministic answer of `count` tokens, a word (and now and then punctuation or a new
 * paragraph) each. The same count always gives the same tokens, in every process.
 */
export function benchTokens(count: number): string[] {
  const tokens: string[] = [];
  let seed = 0x5eed + count;
  const nextBelow = (limit: number) => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    return seed % limit;
  };
  for (let index = 0; index < count; index++) {
    const word = vocabulary[nextBelow(vocabulary.length)]!;
    const roll = nextBelow(50);
    if (index === 0) tokens.push('Here');
    else if (roll === 0) tokens.push(`.\n\nThe ${word}`);
    else if (roll < 4) tokens.push(`, ${word}`);
    else tokens.push(` ${word}`);
  }
  return tokens;
}

/** The text of {@link benchTokens}. */
export function benchAnswer(count: number): string {
  return benchTokens(count).join('');
}

/** The question that makes the bench's upstreams answer with `count` tokens. */
export function benchQuestion(count: number): string {
  return `Answer with ${count} tokens`;
}

/** The same, for an answer the Space holds after its first tokens until the bench releases it. */
export function heldQuestion(count: number): string {
  return `Answer with ${count} tokens, held`;
}

/** What a question asks for: the token count, and whether the answer is held; `undefined` for any other text. */
export function parseQuestion(question: string): { count: number; held: boolean } | undefined {
  const match = /^Answer with (\d+) tokens(, held)?$/.exec(question);
  return match === null ? undefined : { count: Number(match[1]), held: match[2] !== undefined };
}
