import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../spec/stream-part.js';
import { collectText } from './collect-text.js';
import { textStream } from './text-stream.js';

async function* partsOf(parts: StreamPart[]): AsyncGenerator<StreamPart> {
  for (const part of parts) yield part;
}

async function strings(iterable: AsyncIterable<string>): Promise<string[]> {
  const collected: string[] = [];
  for await (const text of iterable) collected.push(text);
  return collected;
}

const withRewrite: StreamPart[] = [
  { type: 'status', stage: 'queued', position: 2, queueSize: 3, etaSeconds: 4 },
  { type: 'status', stage: 'started' },
  { type: 'text-delta', text: '1. **Title**' },
  { type: 'text-delta', text: '\ndetail' },
  { type: 'text-revision', text: '1. **Title**\n   detail\nNext' },
  { type: 'text-delta', text: ' line' },
  { type: 'finish', reason: 'stop' },
];

describe('collectText', () => {
  it('concatenates deltas', async () => {
    const text = await collectText(partsOf([
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'l' },
      { type: 'text-delta', text: 'o' },
      { type: 'finish', reason: 'stop' },
    ]));
    expect(text).toBe('Hello');
  });

  it('lets a revision replace everything before it', async () => {
    expect(await collectText(partsOf(withRewrite))).toBe('1. **Title**\n   detail\nNext line');
  });

  it('passes a failure through', async () => {
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: 'text-delta', text: 'partial' };
      throw new Error('upstream broke');
    }
    await expect(collectText(failing())).rejects.toThrow('upstream broke');
  });
});

describe('textStream', () => {
  it('yields only the text of deltas', async () => {
    const parts: StreamPart[] = [
      { type: 'status', stage: 'started' },
      { type: 'text-delta', text: 'a' },
      { type: 'text-delta', text: '' },
      { type: 'text-delta', text: 'b' },
      { type: 'finish', reason: 'stop' },
    ];
    expect(await strings(textStream(partsOf(parts)))).toEqual(['a', 'b']);
  });

  it('yields the new suffix of a revision that extends the text', async () => {
    const parts: StreamPart[] = [
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-revision', text: 'Hello world' },
    ];
    expect(await strings(textStream(partsOf(parts)))).toEqual(['Hello', ' world']);
  });

  it('reprints the whole text on a new line after a rewrite', async () => {
    expect(await strings(textStream(partsOf(withRewrite)))).toEqual([
      '1. **Title**',
      '\ndetail',
      '\n1. **Title**\n   detail\nNext',
      ' line',
    ]);
  });
});
