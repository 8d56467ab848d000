import { describe, expect, it } from 'vitest';
import { usageProblems } from './usage-problems.js';

describe('usageProblems', () => {
  it('accepts non-negative integer counts, or none, with a known source', () => {
    expect(usageProblems({ inputTokens: 0, outputTokens: 12, source: 'upstream' })).toEqual([]);
    expect(usageProblems({ source: 'estimated' })).toEqual([]);
  });

  it('names every wrong field', () => {
    expect(usageProblems({ inputTokens: -1, outputTokens: 2.5, source: 'guess' })).toEqual([
      'usage.source must be "upstream" or "estimated", not "guess"',
      'usage.inputTokens must be a non-negative integer, not -1',
      'usage.outputTokens must be a non-negative integer, not 2.5',
    ]);
    expect(usageProblems({ outputTokens: '3', source: 'upstream' })).toEqual(['usage.outputTokens must be a non-negative integer, not "3"']);
    expect(usageProblems(null)).toEqual(['usage must be an object, not null']);
  });
});
