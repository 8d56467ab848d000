import { describe, expect, it } from 'vitest';
import { revisionDelta } from './revision-delta.js';

describe('revisionDelta', () => {
  it('sends a text delta as content', () => {
    expect(revisionDelta('Hel', { type: 'text-delta', text: 'lo' })).toEqual({ delta: { content: 'lo' }, text: 'Hello' });
    expect(revisionDelta('Hel', { type: 'text-delta', text: '' })).toEqual({ delta: undefined, text: 'Hel' });
  });

  it('sends only the new suffix of a revision that extends what was sent', () => {
    expect(revisionDelta('The cat', { type: 'text-revision', text: 'The cat sat' })).toEqual({ delta: { content: ' sat' }, text: 'The cat sat' });
    expect(revisionDelta('Same', { type: 'text-revision', text: 'Same' })).toEqual({ delta: undefined, text: 'Same' });
  });

  it('sends a rewrite as empty content plus switchboard_revision with the full text', () => {
    expect(revisionDelta('The cat sat', { type: 'text-revision', text: 'The dog' })).toEqual({
      delta: { content: '', switchboard_revision: 'The dog' },
      text: 'The dog',
    });
    expect(revisionDelta('Shorter text', { type: 'text-revision', text: 'Short' }).delta).toEqual({ content: '', switchboard_revision: 'Short' });
  });
});
