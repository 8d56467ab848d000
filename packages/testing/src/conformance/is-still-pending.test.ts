import { describe, expect, it } from 'vitest';
import { isStillPending } from './is-still-pending.js';

describe('isStillPending', () => {
  it('is true for a promise nothing has settled', async () => {
    expect(await isStillPending(new Promise(() => {}))).toBe(true);
  });

  it('is false for a promise already resolved or rejected', async () => {
    expect(await isStillPending(Promise.resolve())).toBe(false);
    expect(await isStillPending(Promise.reject(new Error('closed with an error')))).toBe(false);
  });

  it('is false for a promise settled by callbacks queued before the check', async () => {
    const later = Promise.resolve().then(() => Promise.resolve());
    expect(await isStillPending(later)).toBe(false);
  });
});
