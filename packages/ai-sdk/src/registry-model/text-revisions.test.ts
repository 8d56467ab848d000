import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { fake, finish, part, registryOf, text } from '../../test/fake-registry.js';
import { createSwitchboard } from './create-switchboard.js';
import { TextBlockWriter } from './text-block-writer.js';

const revise = (value: string) => part({ type: 'text-revision', text: value });

describe('TextBlockWriter', () => {
  it('turns a revision that extends the sent text into a delta of the suffix, in the same block', () => {
    const writer = new TextBlockWriter();
    expect(writer.write({ type: 'text-delta', text: 'Hel' })).toEqual([
      { type: 'text-start', id: 'text-0' },
      { type: 'text-delta', id: 'text-0', delta: 'Hel' },
    ]);
    expect(writer.write({ type: 'text-revision', text: 'Hello' })).toEqual([{ type: 'text-delta', id: 'text-0', delta: 'lo' }]);
    expect(writer.write({ type: 'text-revision', text: 'Hello' })).toEqual([]);
    expect(writer.revised).toBe(false);
    expect(writer.close()).toEqual([{ type: 'text-end', id: 'text-0' }]);
  });

  it('ends a rewritten block as superseded and opens a new one holding the whole revised answer', () => {
    const writer = new TextBlockWriter();
    writer.write({ type: 'text-delta', text: '1. a\n   b' });
    expect(writer.write({ type: 'text-revision', text: '1. a\nb' })).toEqual([
      { type: 'text-end', id: 'text-0', providerMetadata: { switchboard: { superseded: true } } },
      { type: 'text-start', id: 'text-1', providerMetadata: { switchboard: { replaces: 'text-0' } } },
      { type: 'text-delta', id: 'text-1', delta: '1. a\nb' },
    ]);
    expect(writer.write({ type: 'text-delta', text: '\nc' })).toEqual([{ type: 'text-delta', id: 'text-1', delta: '\nc' }]);
    expect(writer.text).toBe('1. a\nb\nc');
    expect(writer.revised).toBe(true);
  });

  it('treats a revision that shortens the text as a rewrite, and opens no block for an empty one', () => {
    const writer = new TextBlockWriter();
    writer.write({ type: 'text-delta', text: 'draft' });
    expect(writer.write({ type: 'text-revision', text: '' })).toEqual([
      { type: 'text-end', id: 'text-0', providerMetadata: { switchboard: { superseded: true } } },
    ]);
    expect(writer.close()).toEqual([]);
    expect(writer.write({ type: 'text-delta', text: 'final' })[0]).toEqual({ type: 'text-start', id: 'text-1' });
  });
});

describe('text revisions through the AI SDK', () => {
  const script = [text('Hello wrld'), revise('Hello world'), text('!'), finish()];

  it('generateText returns the exact final answer', async () => {
    const switchboard = createSwitchboard({ registry: registryOf([fake('Alpha', script)]) });
    const result = await generateText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0 });
    expect(result.text).toBe('Hello world!');
  });

  it('streamText marks the rewritten block superseded, ends on the exact answer, and names it in the metadata', async () => {
    const switchboard = createSwitchboard({ registry: registryOf([fake('Alpha', script)]) });
    const result = streamText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0 });
    const content = await result.content;
    const texts = content.filter((value) => value.type === 'text');
    expect(texts.map((value) => value.text)).toEqual(['Hello wrld', 'Hello world!']);
    expect(texts[0]!.providerMetadata).toEqual({ switchboard: { superseded: true } });
    expect((await result.providerMetadata)?.switchboard).toMatchObject({ revised: true, text: 'Hello world!' });
  });

  it('streamText streams a revision that only extends the text as an ordinary delta', async () => {
    const switchboard = createSwitchboard({ registry: registryOf([fake('Alpha', [text('Hel'), revise('Hello'), finish()])]) });
    const result = streamText({ model: switchboard('shared'), prompt: 'hi', maxRetries: 0 });
    expect(await result.text).toBe('Hello');
    expect((await result.providerMetadata)?.switchboard).not.toHaveProperty('revised');
  });
});
