import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { DiffEdit } from '@switchboard/gradio';
import { AnswerTracker } from './answer-tracker.js';

const values = (pairs: unknown[]) => ['', pairs, 'system'];

describe('AnswerTracker', () => {
  it('emits the first full answer, then appends at the answer path as deltas', () => {
    const tracker = new AnswerTracker();
    const history = ['earlier question', 'earlier answer'];
    expect(tracker.update(values([history, ['q', 'Hel']]), null)).toEqual({ type: 'text-delta', text: 'Hel' });
    expect(tracker.update(values([history, ['q', 'Hello']]), [[], [['append', [1, 1], 'lo']], []])).toEqual({
      type: 'text-delta',
      text: 'lo',
    });
    expect(
      tracker.update(values([history, ['q', 'Hello, you']]), [[], [['append', [1, 1], ','], ['append', [1, 1], ' you']], []]),
    ).toEqual({ type: 'text-delta', text: ', you' });
    expect(tracker.text).toBe('Hello, you');
  });

  it('does not take earlier history answers for the new answer', () => {
    const tracker = new AnswerTracker();
    expect(tracker.update(values([['a', 'old answer'], ['q', '']]), null)).toBeUndefined();
    expect(tracker.text).toBe('');
  });

  it('keeps legitimate repeats that a suffix-dedupe would drop', () => {
    const tracker = new AnswerTracker();
    tracker.update(values([['q', 'hel']]), null);
    tracker.update(values([['q', 'hell']]), [[], [['append', [0, 1], 'l']], []]);
    tracker.update(values([['q', 'hello']]), [[], [['append', [0, 1], 'o']], []]);
    expect(tracker.text).toBe('hello');
  });

  it('ignores an empty diff', () => {
    const tracker = new AnswerTracker();
    tracker.update(values([['q', 'Line']]), null);
    expect(tracker.update(values([['q', 'Line']]), [[], [], []])).toBeUndefined();
  });

  it('turns a replace that extends the text into a delta, and one that rewrites it into a revision', () => {
    const tracker = new AnswerTracker();
    tracker.update(values([['q', '1. **A**\ndetail']]), null);
    expect(tracker.update(values([['q', '1. **A**\ndetail!']]), [[], [['replace', [0, 1], '1. **A**\ndetail!']], []])).toEqual({
      type: 'text-delta',
      text: '!',
    });
    expect(
      tracker.update(values([['q', '1. **A**\n   detail!\nNext']]), [[], [['replace', [0, 1], '1. **A**\n   detail!\nNext']], []]),
    ).toEqual({ type: 'text-revision', text: '1. **A**\n   detail!\nNext' });
    expect(tracker.text).toBe('1. **A**\n   detail!\nNext');
  });

  it('handles a bot message that starts as null', () => {
    const tracker = new AnswerTracker();
    expect(tracker.update(values([['q', null]]), null)).toBeUndefined();
    expect(tracker.update(values([['q', 'Hi']]), [[], [['replace', [0, 1], 'Hi']], []])).toEqual({ type: 'text-delta', text: 'Hi' });
  });

  it('reconciles with the authoritative completion', () => {
    const tracker = new AnswerTracker();
    tracker.update(values([['q', 'Hello']]), null);
    expect(tracker.reconcile(values([['q', 'Hello!']]))).toEqual({ type: 'text-delta', text: '!' });
    expect(tracker.reconcile(values([['q', 'Hello!']]))).toBeUndefined();
  });

  it('reads the messages Chatbot format', () => {
    const tracker = new AnswerTracker();
    const chat = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [{ text: 'Hi there', type: 'text' }] },
    ];
    expect(tracker.update(values(chat), null)).toEqual({ type: 'text-delta', text: 'Hi there' });
  });

  it('reads the answer from the last pair when the Space prepends a pair of its own', () => {
    const tracker = new AnswerTracker();
    const greeting = ['', 'Welcome! Ask me anything.'];
    const sent = ['earlier question', 'earlier answer'];
    expect(tracker.update(values([greeting, sent, ['q', 'Fir']]), null)).toEqual({ type: 'text-delta', text: 'Fir' });
    expect(tracker.update(values([greeting, sent, ['q', 'First']]), [[], [['append', [2, 1], 'st']], []])).toEqual({
      type: 'text-delta',
      text: 'st',
    });
    expect(tracker.reconcile(values([greeting, sent, ['q', 'First!']]))).toEqual({ type: 'text-delta', text: '!' });
    expect(tracker.text).toBe('First!');
  });

  it('reads the answer from the last pair when the Space trims the history it was sent', () => {
    const tracker = new AnswerTracker();
    const kept = ['third question', 'third answer'];
    expect(tracker.update(values([kept, ['q', 'Tri']]), null)).toEqual({ type: 'text-delta', text: 'Tri' });
    expect(tracker.update(values([kept, ['q', 'Trimmed']]), [[], [['append', [1, 1], 'mmed']], []])).toEqual({
      type: 'text-delta',
      text: 'mmed',
    });
    expect(tracker.reconcile(values([['q', 'Trimmed']]))).toBeUndefined();
    expect(tracker.text).toBe('Trimmed');
  });

  it('takes appends at the last pair as the delta without reading the answer, and reconciles an append elsewhere', () => {
    const tracker = new AnswerTracker();
    const chat = [
      ['first', 'one'],
      ['second', 'two'],
      ['q', 'A'],
    ];
    tracker.update(values(chat), null);
    // The answer in `chat` is left stale on purpose: a delta of 'BC' can only come from the edits.
    expect(tracker.update(values(chat), [[], [['append', [2, 1], 'B'], ['append', [2, 1], 'C']], []])).toEqual({
      type: 'text-delta',
      text: 'BC',
    });
    expect(tracker.text).toBe('ABC');
    chat[2]![1] = 'ABC';
    chat[0]![1] = 'one more';
    expect(tracker.update(values(chat), [[], [['append', [0, 1], ' more']], []])).toBeUndefined();
    expect(tracker.text).toBe('ABC');
  });

  it('follows a pair the Space adds during the answer', () => {
    const tracker = new AnswerTracker();
    tracker.update(values([['q', 'Draft']]), null);
    const edits: DiffEdit[][] = [[], [['add', [1], ['', 'Final']]], []];
    expect(tracker.update(values([['q', 'Draft'], ['', 'Final']]), edits)).toEqual({ type: 'text-revision', text: 'Final' });
    expect(tracker.update(values([['q', 'Draft'], ['', 'Final.']]), [[], [['append', [1, 1], '.']], []])).toEqual({
      type: 'text-delta',
      text: '.',
    });
  });

  it('reads the last assistant message in the messages format, with appends to its content as deltas', () => {
    const tracker = new AnswerTracker();
    const chat: Array<{ role: string; content: string }> = [
      { role: 'user', content: 'earlier question' },
      { role: 'assistant', content: 'earlier answer' },
      { role: 'user', content: 'q' },
    ];
    expect(tracker.update(values(chat), null)).toBeUndefined();
    chat.push({ role: 'assistant', content: 'Hi' });
    expect(tracker.update(values(chat), [[], [['add', [3], { role: 'assistant', content: 'Hi' }]], []])).toEqual({
      type: 'text-delta',
      text: 'Hi',
    });
    expect(tracker.update(values(chat), [[], [['append', [3, 'content'], ' there']], []])).toEqual({ type: 'text-delta', text: ' there' });
    chat[3]!.content = 'Hi there';
    expect(tracker.reconcile(values(chat))).toBeUndefined();
    expect(tracker.text).toBe('Hi there');
  });

  it('rejects a Chatbot value that is not a list', () => {
    expect(() => new AnswerTracker().update(['', 'not a list', ''], null)).toThrow(ProtocolError);
  });
});
