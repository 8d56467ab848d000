import { describe, expect, it } from 'vitest';
import { chatbotPairs, chatbotReply } from './chatbot-reply.js';

describe('chatbotReply', () => {
  it('appends a pair and grows its reply, with an append edit at the reply path when it only grew', () => {
    const tokens = ['Sure', ' thing', '\nNext', '.\n\n', '\n', 'More'];
    const steps = [...chatbotReply({ history: [['  Hi', null]], message: 'Q', tokens })];
    expect(steps.map((step) => step.value[1])).toEqual([
      ['Q', 'Sure'],
      ['Q', 'Sure thing'],
      ['Q', 'Sure thing\nNext'],
      ['Q', 'Sure thing\nNext.'],
      ['Q', 'Sure thing\nNext.'],
      ['Q', 'Sure thing\nNext.\n\n\nMore'],
    ]);
    expect(steps.every((step) => JSON.stringify(step.value[0]) === '["Hi",null]')).toBe(true);
    const append = (text: string) => [['append', [1, 1], text]];
    expect(steps.map((step) => step.edits)).toEqual([append('Sure'), append(' thing'), undefined, append('.'), [], append('\n\n\nMore')]);
  });

  it('leaves the edits unknown when tidying rewrote the reply, and keeps text as sent when tidying is off', () => {
    const tokens = ['1. A', '\n   b', '\nc'];
    const tidied = [...chatbotReply({ history: [], message: 'q', tokens })];
    expect(tidied.map((step) => step.value[0]![1])).toEqual(['1. A', '1. A\nb', '1. A\n   b\nc']);
    expect(tidied[2]!.edits).toBeUndefined();
    const raw = [...chatbotReply({ history: [], message: ' q', tokens, tidyWhitespace: false })];
    expect(raw.at(-1)!.value).toEqual([[' q', '1. A\n   b\nc']]);
    expect(raw.every((step) => step.edits?.[0]?.[0] === 'append')).toBe(true);
  });
});

describe('chatbotPairs', () => {
  it('reads pairs as text and skips anything else', () => {
    expect(chatbotPairs([['a', null], 'junk', [1, 'b']])).toEqual([['a', ''], ['1', 'b']]);
    expect(chatbotPairs('not a list')).toEqual([]);
  });
});
