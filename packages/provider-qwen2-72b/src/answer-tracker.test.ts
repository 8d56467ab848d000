import { ProtocolError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { AnswerTracker } from './answer-tracker.js';

const values = (pairs: unknown[]) => ['', pairs, 'system'];

describe('AnswerTracker', () => {
  it('emits the first full answer, then appends at the answer path as deltas', () => {
    const tracker = new AnswerTracker(1);
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
    const tracker = new AnswerTracker(1);
    expect(tracker.update(values([['a', 'old answer'], ['q', '']]), null)).toBeUndefined();
    expect(tracker.text).toBe('');
  });

  it('keeps legitimate repeats that a suffix-dedupe would drop', () => {
    const tracker = new AnswerTracker(0);
    tracker.update(values([['q', 'hel']]), null);
    tracker.update(values([['q', 'hell']]), [[], [['append', [0, 1], 'l']], []]);
    tracker.update(values([['q', 'hello']]), [[], [['append', [0, 1], 'o']], []]);
    expect(tracker.text).toBe('hello');
  });

  it('ignores an empty diff', () => {
    const tracker = new AnswerTracker(0);
    tracker.update(values([['q', 'Line']]), null);
    expect(tracker.update(values([['q', 'Line']]), [[], [], []])).toBeUndefined();
  });

  it('turns a replace that extends the text into a delta, and one that rewrites it into a revision', () => {
    const tracker = new AnswerTracker(0);
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
    const tracker = new AnswerTracker(0);
    expect(tracker.update(values([['q', null]]), null)).toBeUndefined();
    expect(tracker.update(values([['q', 'Hi']]), [[], [['replace', [0, 1], 'Hi']], []])).toEqual({ type: 'text-delta', text: 'Hi' });
  });

  it('reconciles with the authoritative completion', () => {
    const tracker = new AnswerTracker(0);
    tracker.update(values([['q', 'Hello']]), null);
    expect(tracker.reconcile(values([['q', 'Hello!']]))).toEqual({ type: 'text-delta', text: '!' });
    expect(tracker.reconcile(values([['q', 'Hello!']]))).toBeUndefined();
  });

  it('reads the messages Chatbot format', () => {
    const tracker = new AnswerTracker(0);
    const chat = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [{ text: 'Hi there', type: 'text' }] },
    ];
    expect(tracker.update(values(chat), null)).toEqual({ type: 'text-delta', text: 'Hi there' });
  });

  it('rejects a Chatbot value that is not a list', () => {
    expect(() => new AnswerTracker(0).update(['', 'not a list', ''], null)).toThrow(ProtocolError);
  });
});
