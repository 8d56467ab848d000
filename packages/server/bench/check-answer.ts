import { benchAnswer } from './bench-answer.js';

const expected = new Map<number, string>();

/** Throws unless `text` is exactly the bench answer of `count` tokens, saying where it differs. */
export function checkAnswer(text: string, count: number): void {
  let answer = expected.get(count);
  if (answer === undefined) expected.set(count, (answer = benchAnswer(count)));
  if (text === answer) return;
  let at = 0;
  while (at < text.length && text[at] === answer[at]) at++;
  throw new Error(
    `the answer differs at character ${at} (got ${text.length} characters, expected ${answer.length}): ` +
      `${JSON.stringify(text.slice(at, at + 30))} instead of ${JSON.stringify(answer.slice(at, at + 30))}`,
  );
}
