import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ConnectionError,
  ProtocolError,
  QueueFullError,
  StreamTruncatedError,
  UpstreamHttpError,
  type ChatRequest,
  type SwitchboardError,
} from '@switchboard/core';
import type { OpenAIEmulatorFault } from '@switchboard/testing';
import { readParts } from '@switchboard/testing/conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';
import { EmulatedUpstreams } from '../test/emulated-provider.js';

const upstreams = new EmulatedUpstreams();
afterEach(() => upstreams.closeAll());

const answer = 'abcdefghijklmnopqrstuvwxyz';
const request: ChatRequest = { model: 'emu', messages: [{ role: 'user', content: 'hi' }] };

async function failureFor(fault: OpenAIEmulatorFault, settings: { apiKey?: string; maxEventBytes?: number } = {}) {
  const upstream = await upstreams.start({ answer, fault }, settings);
  const { parts, error } = await readParts(upstream.provider.createAsyncGenerator(request));
  expect(parts.some((part) => part.type === 'finish')).toBe(false);
  expect(error).toMatchObject({ provider: 'Emulated', model: 'emulated-model' });
  return { error: error as SwitchboardError, parts, upstream };
}

describe('HTTP failures', () => {
  it('maps 401 to a non-retryable UpstreamHttpError that says to check the key and hides it', async () => {
    const body = { error: { message: 'Incorrect API key provided: sk-secret-1234.', type: 'invalid_request_error', code: 'invalid_api_key' } };
    const { error } = await failureFor({ kind: 'status', status: 401, body }, { apiKey: 'sk-secret-1234' });
    expect(UpstreamHttpError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toContain('Incorrect API key provided: [redacted]. (invalid_api_key)');
    expect(error.message).toContain('Check the API key');
    expect(error.message).not.toContain('sk-secret-1234');
  });

  it('maps 403 to a non-retryable UpstreamHttpError', async () => {
    const { error } = await failureFor({ kind: 'status', status: 403, body: { error: 'Forbidden for this key' } });
    expect(error).toMatchObject({ code: 'UPSTREAM_HTTP', status: 403, retryable: false, bodyExcerpt: 'Forbidden for this key' });
  });

  it('maps 429 to a retryable QueueFullError carrying retry-after and the HTTP error as its cause', async () => {
    const { error } = await failureFor({ kind: 'rate-limited', retryAfterSeconds: 2 });
    expect(QueueFullError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 2000 });
    expect(error.message).toContain('rate limited with HTTP 429: Rate limit reached for requests');
    expect(error.cause).toMatchObject({ code: 'UPSTREAM_HTTP', status: 429 });
  });

  it('prefers retry-after-ms over retry-after', async () => {
    const { error } = await failureFor({ kind: 'rate-limited', retryAfterSeconds: 9, retryAfterMs: 1500 });
    expect(error).toMatchObject({ retryAfterMs: 1500 });
  });

  it('maps 5xx to a retryable UpstreamHttpError with the OpenAI error message', async () => {
    const body = { error: { message: 'The server had an error processing your request.', type: 'server_error' } };
    const { error } = await failureFor({ kind: 'status', status: 500, body, headers: { 'retry-after': '1' } });
    expect(error).toMatchObject({ code: 'UPSTREAM_HTTP', status: 500, retryable: true, retryAfterMs: 1000 });
    expect(error.message).toContain('The server had an error processing your request.');
  });

  it('reads the message of a flat error body (older vLLM)', async () => {
    const { error } = await failureFor({ kind: 'flat-error', message: 'The model `x` does not exist.' });
    expect(error).toMatchObject({ status: 400, retryable: false, bodyExcerpt: 'The model `x` does not exist. (BadRequestError)' });
  });

  it('quotes a short text excerpt of a proxy\'s HTML error page', async () => {
    const { error } = await failureFor({ kind: 'html-error' });
    expect(error).toMatchObject({ status: 502, retryable: true, bodyExcerpt: '502 Bad Gateway 502 Bad Gateway nginx' });
  });

  it('refuses an HTML page answered with 200 as a protocol error', async () => {
    const { error } = await failureFor({ kind: 'status', status: 200, body: '<html><body>Please log in</body></html>' });
    expect(ProtocolError.isInstance(error)).toBe(true);
    expect(error.message).toContain('HTML page: Please log in');
  });
});

describe('failures inside the stream', () => {
  it('turns an error event into a StreamTruncatedError carrying the partial text and the message', async () => {
    const { error, parts } = await failureFor({ kind: 'error-event', afterTokens: 2 });
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    expect(error.partialText).toBe('abcdefgh');
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text).join('')).toBe('abcdefgh');
    expect(error.message).toContain('the upstream sent an error event: The model failed while generating the answer. (server_error)');
  });

  it('keeps the HTTP status an error event carries (flat vLLM shape), so retries follow it', async () => {
    const data = { object: 'error', message: 'CUDA out of memory', code: 503 };
    const { error } = await failureFor({ kind: 'error-event', afterTokens: 1, data, sendDone: true });
    expect(error).toMatchObject({ code: 'UPSTREAM_HTTP', status: 503, retryable: true, partialText: 'abcd' });
    expect(error.message).toContain('CUDA out of memory');
  });

  it('reports a clean end without finish reason or [DONE] as a truncated stream', async () => {
    const { error } = await failureFor({ kind: 'end-without-done', afterTokens: 3 });
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ partialText: 'abcdefghijkl', retryable: true });
    expect(error.message).toContain('without a finish reason and without [DONE]');
  });

  it('reports a dropped connection as a truncated stream with the partial text', async () => {
    const { error } = await failureFor({ kind: 'drop-connection', afterTokens: 1 });
    expect(StreamTruncatedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ partialText: 'abcd', url: expect.stringMatching(/\/v1\/chat\/completions$/) });
  });

  it('reports malformed JSON as a ProtocolError with the partial text', async () => {
    const { error } = await failureFor({ kind: 'malformed-json', afterTokens: 2 });
    expect(ProtocolError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ partialText: 'abcdefgh' });
    expect(error.message).toContain('not valid JSON: {"choices": [{"delta": {"content": unquoted text');
  });

  it('gives up on an oversized event without reading it whole', async () => {
    const maxEventBytes = 64 * 1024;
    const fault = { kind: 'oversized-event', bytes: 8 * 1024 * 1024, afterTokens: 1 } as const;
    const { error, upstream } = await failureFor(fault, { maxEventBytes });
    expect(ProtocolError.isInstance(error)).toBe(true);
    expect(error.message).toContain(`exceeded ${maxEventBytes} bytes`);
    expect(error.partialText).toBe('abcd');
    await upstream.emulator.waitForStreamClose();
    expect(upstream.emulator.streamsClosedByClient).toBe(1);
  });
});

describe('connection failures', () => {
  it('maps a refused connection to a retryable ConnectionError with its network code', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const provider = createOpenAICompatibleProvider({ name: 'Nowhere', baseUrl: `http://127.0.0.1:${port}/v1`, models: ['m'] });
    const { error } = await readParts(provider.createAsyncGenerator({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ networkCode: 'ECONNREFUSED', retryable: true, provider: 'Nowhere', model: 'm' });
    expect((error as Error).message).toContain('Nothing accepts connections at that address: check the URL and that the server is running');
  });

  it('maps a connection reset before any response to a ConnectionError', async () => {
    const { error } = await failureFor({ kind: 'reset' });
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, networkCode: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) });
  });
});
