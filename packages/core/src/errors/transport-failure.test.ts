import { describe, expect, it } from 'vitest';
import { AbortError } from './abort-error.js';
import { ConnectionError } from './connection-error.js';
import { ProtocolError } from './protocol-error.js';
import { QueueFullError } from './queue-full-error.js';
import { StreamTruncatedError } from './stream-truncated-error.js';
import { findNetworkCode, transportFailure } from './transport-failure.js';

const context = { signal: undefined, url: 'http://127.0.0.1:9/config', action: 'the request to http://127.0.0.1:9/config' };
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('transportFailure', () => {
  it('makes a refused connection behind fetch a retryable ConnectionError with its code and advice', () => {
    const error = transportFailure(new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }), context);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ networkCode: 'ECONNREFUSED', retryable: true, url: context.url });
    expect(error.message).toContain('the request to http://127.0.0.1:9/config failed: fetch failed: connect ECONNREFUSED');
    expect(error.message).toContain('Nothing accepts connections at that address');
  });

  it('keeps a TLS failure a ConnectionError that is not retried', () => {
    const error = transportFailure(withCode('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'), context);
    expect(error).toMatchObject({ code: 'CONNECTION', networkCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', retryable: false });
  });

  it('tells a stream that broke after it started, invalid HTTP, an abort and a typed error apart', () => {
    const reset = withCode('other side closed', 'UND_ERR_SOCKET');
    expect(StreamTruncatedError.isInstance(transportFailure(reset, { ...context, streamStarted: true }))).toBe(true);
    expect(ProtocolError.isInstance(transportFailure(withCode('bad header', 'HPE_INVALID_HEADER_TOKEN'), context))).toBe(true);
    const aborted = transportFailure(reset, { ...context, signal: AbortSignal.abort('stop') });
    expect(AbortError.isInstance(aborted)).toBe(true);
    const typed = new QueueFullError();
    expect(transportFailure(typed, context)).toBe(typed);
  });

  it('scrubs secrets from the text it takes over', () => {
    const error = transportFailure(withCode('proxy refused token hf_secret', 'ECONNRESET'), { ...context, scrub: (text) => text.replace('hf_secret', '***') });
    expect(error.message).toContain('token ***');
    expect(error.message).not.toContain('hf_secret');
  });
});

describe('findNetworkCode', () => {
  it('prefers a known network code anywhere in the cause chain over other codes', () => {
    const nested = Object.assign(new Error('outer'), { code: 'ERR_OUTER', cause: withCode('inner', 'ECONNRESET') });
    expect(findNetworkCode(nested)).toBe('ECONNRESET');
    expect(findNetworkCode(withCode('x', 'ERR_OTHER'))).toBe('ERR_OTHER');
    expect(findNetworkCode('text')).toBeUndefined();
  });
});
