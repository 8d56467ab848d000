import { benchQuery, benchTokens } from './bench-answer.js';
import type { BenchCase } from './bench-case.js';
import { startBenchSpace } from './bench-space.js';
import { openDataStream } from './read-data-stream.js';
import { renderAnswerEvent, type RenderedEvent } from './render-answer-event.js';

/** Answer sizes measured, in appended tokens. */
const benchSizes = [20_000, 100_000];

const lineFeed = 0x0a;
const events = new Map<string, RenderedEvent>(benchSizes.map((size) => [benchQuery(size), renderAnswerEvent(benchQuery(size), benchTokens(size))]));
const space = await startBenchSpace(events);

const cases: BenchCase[] = [];
for (const size of benchSizes) {
  const query = benchQuery(size);
  let bodyBytes = 0;
  let lineFeeds = 0;
  for await (const chunk of await openDataStream(space.url, query)) {
    bodyBytes += chunk.length;
    for (let at = chunk.indexOf(lineFeed); at !== -1; at = chunk.indexOf(lineFeed, at + 1)) lineFeeds++;
  }
  // JSON escapes every newline inside a message, so the only raw ones end messages, two each.
  const messages = lineFeeds / 2;
  const expected = size + 4;
  if (messages !== expected) throw new Error(`the ${size}-token answer took ${messages} messages, not ${expected}`);
  cases.push({ tokens: size, query, bodyBytes, messages });
}

process.stdout.write(`${JSON.stringify({ url: space.url, cases })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void space.close().then(() => process.exit(0)));
