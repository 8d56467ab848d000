import { describe, expect, it } from 'vitest';
import { ApiKeyCheck } from './api-key-check.js';

describe('ApiKeyCheck', () => {
  it('accepts any request when no key is configured', () => {
    expect(new ApiKeyCheck([]).verify(undefined)).toBe('ok');
  });

  it('tells a missing bearer token from a wrong one and accepts every configured key', () => {
    const check = new ApiKeyCheck(['first-key', 'second-key']);
    expect(check.verify(undefined)).toBe('missing');
    expect(check.verify('Basic Zm9vOmJhcg==')).toBe('missing');
    expect(check.verify('Bearer third-key')).toBe('wrong');
    expect(check.verify('Bearer first-key-and-more')).toBe('wrong');
    expect(check.verify('Bearer first-key')).toBe('ok');
    expect(check.verify('bearer second-key')).toBe('ok');
  });
});
