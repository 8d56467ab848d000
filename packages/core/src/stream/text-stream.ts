import type { StreamPart } from '../spec/stream-part.js';

/**
 * The text of a stream as plain strings, for consumers that only print. A revision that
 * extends the text already yielded yields its new suffix; a revision that rewrites
 * earlier text yields a newline and then the whole revised text, so nothing is lost.
 */
export async function* textStream(parts: AsyncIterable<StreamPart>): AsyncGenerator<string> {
  let yielded = '';
  for await (const part of parts) {
    if (part.type === 'text-delta') {
      if (part.text === '') continue;
      yielded += part.text;
      yield part.text;
    } else if (part.type === 'text-revision') {
      const text = part.text.startsWith(yielded) ? part.text.slice(yielded.length) : `\n${part.text}`;
      yielded = part.text;
      if (text !== '') yield text;
    }
  }
}
