import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../errors/connection-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { QueueFullError } from '../errors/queue-full-error.js';
import { normalizeError } from './normalize-error.js';

const context = { provider: 'P', model: 'm' };

describe('normalizeError', () => {
  it('keeps Switchboard errors as they are', () => {
    const full = new QueueFullError();
    expect(normalizeError(full, context)).toBe(full);
  });

  it('turns network failures into retryable ConnectionErrors that keep the cause', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    const socket = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    for (const [error, code] of [[reset, 'ECONNRESET'], [refused, 'ECONNREFUSED'], [socket, 'UND_ERR_SOCKET']] as const) {
      const normalized = normalizeError(error, context);
      expect(ConnectionError.isInstance(normalized)).toBe(true);
      expect(normalized).toMatchObject({ retryable: true, networkCode: code, provider: 'P', model: 'm', cause: error });
      expect(normalized.message).toContain(code);
    }
    expect(ConnectionError.isInstance(normalizeError(new TypeError('fetch failed'), context))).toBe(true);
  });

  it('turns anything else into a non-retryable ProviderError', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'data')");
    const normalized = normalizeError(bug, context);
    expect(ProviderError.isInstance(normalized)).toBe(true);
    expect(normalized.retryable).toBe(false);
    expect(normalized.cause).toBe(bug);
    expect(normalized.message).toBe("Provider P failed unexpectedly: TypeError: Cannot read properties of undefined (reading 'data')");
    expect(normalizeError('a string', {}).message).toBe('A provider failed unexpectedly: a string');
  });
});
