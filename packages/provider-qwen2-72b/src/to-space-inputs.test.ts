import { describe, expect, it } from 'vitest';
import { toSpaceInputs } from './to-space-inputs.js';

describe('toSpaceInputs', () => {
  it('sends a single user turn as the query with the default system prompt', () => {
    expect(toSpaceInputs([{ role: 'user', content: 'Hi' }])).toEqual({
      query: 'Hi',
      history: [],
      system: 'You are a helpful assistant.',
    });
  });

  it('joins every system message into the system input', () => {
    expect(
      toSpaceInputs([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'system', content: 'Use French.' },
      ]),
    ).toEqual({ query: 'Hi', history: [], system: 'Be brief.\nUse French.' });
  });

  it('turns earlier turns into [user, assistant] pairs', () => {
    expect(
      toSpaceInputs([
        { role: 'system', content: 'S' },
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'two' },
        { role: 'assistant', content: 'second answer' },
        { role: 'user', content: 'three' },
      ]),
    ).toEqual({
      query: 'three',
      history: [
        ['one', 'first answer'],
        ['two', 'second answer'],
      ],
      system: 'S',
    });
  });

  it('merges consecutive messages of one role before pairing', () => {
    expect(
      toSpaceInputs([
        { role: 'user', content: 'part one' },
        { role: 'user', content: 'part two' },
        { role: 'assistant', content: 'answer' },
        { role: 'assistant', content: '' },
        { role: 'assistant', content: 'more answer' },
        { role: 'user', content: 'next' },
        { role: 'user', content: 'and this' },
      ]),
    ).toEqual({
      query: 'next\n\nand this',
      history: [['part one\n\npart two', 'answer\n\nmore answer']],
      system: 'You are a helpful assistant.',
    });
  });

  it('folds a conversation that starts with the assistant into the query', () => {
    expect(
      toSpaceInputs([
        { role: 'system', content: 'S' },
        { role: 'assistant', content: 'How can I help?' },
        { role: 'user', content: 'Tell me a joke' },
      ]),
    ).toEqual({ query: 'Assistant: How can I help?\nUser: Tell me a joke\nAssistant:', history: [], system: 'S' });
  });

  it('folds a conversation that ends with the assistant into the query', () => {
    expect(
      toSpaceInputs([
        { role: 'user', content: 'Start a story' },
        { role: 'assistant', content: 'Once upon a time' },
      ]),
    ).toEqual({ query: 'User: Start a story\nAssistant: Once upon a time\nAssistant:', history: [], system: 'You are a helpful assistant.' });
  });
});
