import { APICallError, JSONParseError, LoadAPIKeyError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { ConnectionError, InvalidRequestError, ProtocolError, ProviderError, StreamTruncatedError, UpstreamHttpError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';
import { toSwitchboardError } from './to-switchboard-error.js';

const context = { provider: 'Mock', model: 'mock-model' };
const apiCallError = (fields: Partial<ConstructorParameters<typeof APICallError>[0]>) =>
  new APICallError({ message: 'failed', url: 'http://upstream/v1/chat', requestBodyValues: {}, ...fields });

describe('toSwitchboardError', () => {
  it('tells an HTTP failure from a connection that failed or broke after a success status', () => {
    const refused = toSwitchboardError(apiCallError({ isRetryable: true, cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }), 'call', context);
    expect(ConnectionError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ networkCode: 'ECONNREFUSED', retryable: true, provider: 'Mock', url: 'http://upstream/v1/chat' });
    const broken = toSwitchboardError(apiCallError({ statusCode: 200, isRetryable: true, cause: new TypeError('terminated') }), 'read', context);
    expect(StreamTruncatedError.isInstance(broken)).toBe(true);
    expect(broken.message).toContain('(terminated)');
    const forbidden = toSwitchboardError(apiCallError({ statusCode: 403, isRetryable: false }), 'call', context);
    expect(UpstreamHttpError.isInstance(forbidden) && forbidden.status).toBe(403);
    expect(forbidden.retryable).toBe(false);
  });

  it('maps unreadable responses, refused requests and everything else to their kinds, keeping the cause', () => {
    const parse = new JSONParseError({ text: '{oops', cause: new SyntaxError('bad') });
    expect(ProtocolError.isInstance(toSwitchboardError(parse, 'error-part', context))).toBe(true);
    const refused = toSwitchboardError(new UnsupportedFunctionalityError({ functionality: 'seed' }), 'call', context);
    expect(InvalidRequestError.isInstance(refused)).toBe(true);
    const missingKey = new LoadAPIKeyError({ message: 'API key is missing.' });
    const failed = toSwitchboardError(missingKey, 'call', context);
    expect(ProviderError.isInstance(failed)).toBe(true);
    expect(failed).toMatchObject({ cause: missingKey, provider: 'Mock', model: 'mock-model' });
  });

  it('reads a status and retry flag from an error payload reported inside the stream', () => {
    const reported = toSwitchboardError({ message: 'overloaded', statusCode: 529, isRetryable: true }, 'error-part', context);
    expect(reported).toMatchObject({ code: 'UPSTREAM_HTTP', status: 529, retryable: true });
    const bare = toSwitchboardError({ message: 'model crashed', isRetryable: false }, 'error-part', context);
    expect(bare).toMatchObject({ code: 'STREAM_TRUNCATED', retryable: false });
  });
});

describe('parseRetryAfter', () => {
  it('reads retry-after-ms first, then retry-after in seconds or as a date', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    expect(parseRetryAfter({ 'Retry-After': '2' })).toBe(2000);
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
