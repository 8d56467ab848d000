import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AllProvidersFailedError,
  ConnectionError,
  GradioAppError,
  InvalidRequestError,
  ModelNotSupportedError,
  NoProviderForModelError,
  ProtocolError,
  ProviderError,
  ProviderNotFoundError,
  ProviderRegistrationError,
  ProviderUnavailableError,
  QueueFullError,
  StreamTruncatedError,
  SwitchboardError,
  TimeoutError,
  UpstreamHttpError,
  annotateError,
} from './index.js';

describe('error hierarchy', () => {
  it('gives every error a stable code, its class name and the base class', () => {
    const cases: Array<[SwitchboardError, string, string]> = [
      [new ModelNotSupportedError('x', ['a']), 'MODEL_NOT_SUPPORTED', 'ModelNotSupportedError'],
      [new ProviderNotFoundError('p', []), 'PROVIDER_NOT_FOUND', 'ProviderNotFoundError'],
      [new NoProviderForModelError('m', []), 'NO_PROVIDER_FOR_MODEL', 'NoProviderForModelError'],
      [new UpstreamHttpError(502, 'bad gateway'), 'UPSTREAM_HTTP', 'UpstreamHttpError'],
      [new QueueFullError(), 'QUEUE_FULL', 'QueueFullError'],
      [new ProtocolError('bad json'), 'PROTOCOL', 'ProtocolError'],
      [new StreamTruncatedError('eof'), 'STREAM_TRUNCATED', 'StreamTruncatedError'],
      [new GradioAppError(null), 'GRADIO_APP', 'GradioAppError'],
      [new TimeoutError('idle', 10), 'TIMEOUT', 'TimeoutError'],
      [new AbortError(), 'ABORTED', 'AbortError'],
      [new AllProvidersFailedError('m', []), 'ALL_PROVIDERS_FAILED', 'AllProvidersFailedError'],
      [new ProviderRegistrationError('dup'), 'PROVIDER_REGISTRATION', 'ProviderRegistrationError'],
      [new ConnectionError('reset'), 'CONNECTION', 'ConnectionError'],
      [new ProviderError(new Error('bug')), 'PROVIDER_FAILED', 'ProviderError'],
      [new ProviderUnavailableError('P', 'disabled'), 'PROVIDER_UNAVAILABLE', 'ProviderUnavailableError'],
      [new InvalidRequestError('no messages', { param: 'messages' }), 'INVALID_REQUEST', 'InvalidRequestError'],
    ];
    for (const [error, code, name] of cases) {
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(SwitchboardError);
      expect(error).toBeInstanceOf(Error);
      expect(SwitchboardError.isInstance(error)).toBe(true);
    }
    expect(new Set(cases.map(([, code]) => code)).size).toBe(cases.length);
  });

  it('isInstance tells kinds apart and rejects look-alikes without the brand', () => {
    const error = new QueueFullError();
    expect(QueueFullError.isInstance(error)).toBe(true);
    expect(ProtocolError.isInstance(error)).toBe(false);
    expect(QueueFullError.isInstance({ code: 'QUEUE_FULL' })).toBe(false);
    expect(SwitchboardError.isInstance(new Error('plain'))).toBe(false);
    expect(SwitchboardError.isInstance(null)).toBe(false);
  });

  it('recognises errors from a second copy of the package', async () => {
    const specifier = './queue-full-error.js?second-copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('./queue-full-error.js');
    const foreign = new copy.QueueFullError({ detail: 'elsewhere' });
    expect(copy.QueueFullError).not.toBe(QueueFullError);
    expect(foreign instanceof QueueFullError).toBe(false);
    expect(QueueFullError.isInstance(foreign)).toBe(true);
    expect(SwitchboardError.isInstance(foreign)).toBe(true);
    expect(ProtocolError.isInstance(foreign)).toBe(false);
  });

  it('ModelNotSupportedError lists the valid names', () => {
    const error = new ModelNotSupportedError('gpt-9', ['qwen-a', 'qwen-b'], { provider: 'P' });
    expect(error.message).toBe('Model "gpt-9" is not supported by provider P. Valid names: qwen-a, qwen-b.');
    expect(error.requestedModel).toBe('gpt-9');
    expect(error.validModels).toEqual(['qwen-a', 'qwen-b']);
    expect(error.provider).toBe('P');
    expect(error.retryable).toBe(false);
  });

  it('ProviderNotFoundError and NoProviderForModelError say what exists', () => {
    const notFound = new ProviderNotFoundError('Nope', ['A', 'B']);
    expect(notFound.message).toContain('Registered providers: A, B');
    expect(notFound.providerName).toBe('Nope');
    expect(new ProviderNotFoundError('Nope', []).message).toContain('import a provider package first');
    const noProvider = new NoProviderForModelError('m', ['x', 'y'], ['systemMessage']);
    expect(noProvider.message).toBe('No registered provider serves model "m" with systemMessage. Known models: x, y.');
    expect(noProvider.requires).toEqual(['systemMessage']);
    expect(noProvider.model).toBe('m');
  });

  it('UpstreamHttpError carries status and body, retryable for 429 and 5xx only', () => {
    const error = new UpstreamHttpError(500, 'Internal Server Error', { url: 'http://h/queue/join', retryAfterMs: 2000 });
    expect(error.status).toBe(500);
    expect(error.bodyExcerpt).toBe('Internal Server Error');
    expect(error.url).toBe('http://h/queue/join');
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toBe('Upstream answered HTTP 500 from http://h/queue/join: Internal Server Error');
    expect(error.retryable).toBe(true);
    expect(new UpstreamHttpError(429, '').retryable).toBe(true);
    expect(new UpstreamHttpError(404, '').retryable).toBe(false);
    expect(new UpstreamHttpError(401, '').retryable).toBe(false);
  });

  it('QueueFullError, StreamTruncatedError and ProtocolError keep their details', () => {
    const full = new QueueFullError({ detail: 'Queue is full. Max size is 2 and size is 2.', retryAfterMs: 5 });
    expect(full.detail).toBe('Queue is full. Max size is 2 and size is 2.');
    expect(full.message).toContain('Max size is 2');
    expect(full.retryable).toBe(true);
    expect(full.retryAfterMs).toBe(5);
    const truncated = new StreamTruncatedError('connection closed', { partialText: 'Hello wor', partialOutput: [1] });
    expect(truncated.partialText).toBe('Hello wor');
    expect(truncated.partialOutput).toEqual([1]);
    expect(truncated.retryable).toBe(true);
    expect(new StreamTruncatedError('eof').partialText).toBe('');
    const cause = new SyntaxError('Unexpected token');
    const protocol = new ProtocolError('invalid JSON in an event', { cause });
    expect(protocol.message).toBe('Protocol error: invalid JSON in an event');
    expect(protocol.cause).toBe(cause);
  });

  it('GradioAppError keeps the server message or says there was none', () => {
    const withMessage = new GradioAppError("'Rate limited'", { kind: 'event-failed' });
    expect(withMessage.serverMessage).toBe("'Rate limited'");
    expect(withMessage.message).toBe("Gradio app failed: 'Rate limited'");
    const hidden = new GradioAppError(null);
    expect(hidden.serverMessage).toBeNull();
    expect(hidden.kind).toBe('event-failed');
    expect(hidden.message).toContain('gave no details');
    const unexpected = new GradioAppError('404: Session not found.', { kind: 'unexpected-error' });
    expect(unexpected.kind).toBe('unexpected-error');
    expect(unexpected.message).toBe('Gradio server error: 404: Session not found.');
  });

  it('TimeoutError names its phase; AbortError keeps the reason', () => {
    const idle = new TimeoutError('idle', 1500);
    expect(idle.phase).toBe('idle');
    expect(idle.timeoutMs).toBe(1500);
    expect(idle.message).toBe('Timed out after 1500 ms waiting for the next part of the answer (idle timeout).');
    expect(idle.retryable).toBe(true);
    expect(new TimeoutError('total', 1).retryable).toBe(false);
    const abort = new AbortError('user pressed stop');
    expect(abort.reason).toBe('user pressed stop');
    expect(abort.retryable).toBe(false);
  });

  it('AllProvidersFailedError names every provider and its cause', () => {
    const first = new QueueFullError();
    const second = new UpstreamHttpError(500, 'boom');
    const error = new AllProvidersFailedError('qwen-2-72b', [
      { provider: 'A', error: first },
      { provider: 'B', error: second },
    ]);
    expect(error.failures.map((failure) => failure.provider)).toEqual(['A', 'B']);
    expect(error.failures[1]!.error).toBe(second);
    expect(error.message).toContain(`A: ${first.message}`);
    expect(error.message).toContain(`B: ${second.message}`);
    expect(error.model).toBe('qwen-2-72b');
    expect(error.cause).toBe(second);
  });

  it('ProviderUnavailableError says why the provider was skipped and what to do', () => {
    expect(new ProviderUnavailableError('P', 'not-working').message).toBe(
      'Provider P is marked not working; registry.setWorking("P", true) routes to it anyway.',
    );
    expect(new ProviderUnavailableError('P', 'disabled').message).toBe('Provider P was disabled with registry.setWorking("P", false).');
    const open = new ProviderUnavailableError('P', 'circuit-open', { retryInMs: 12_300 });
    expect(open.message).toBe('Provider P failed repeatedly and is skipped for 13 s more.');
    expect(open).toMatchObject({ provider: 'P', reason: 'circuit-open', retryInMs: 12_300, retryable: false });
    expect(new ProviderUnavailableError('P', 'trial-in-progress').message).toContain('checking whether it recovered');
    expect(new ConnectionError('socket hang up', { networkCode: 'ECONNRESET' }).message).toBe(
      'The connection to the upstream failed (ECONNRESET): socket hang up',
    );
    expect(new ConnectionError('x').retryable).toBe(true);
  });

  it('annotateError fills missing context without overwriting it', () => {
    const error = new StreamTruncatedError('eof', { provider: 'Original' });
    expect(annotateError(error, { provider: 'Other', model: 'm', partialText: 'abc' })).toBe(error);
    expect(error.provider).toBe('Original');
    expect(error.model).toBe('m');
    expect(error.partialText).toBe('abc');
    const plain = new Error('plain');
    expect(annotateError(plain, { provider: 'P' })).toBe(plain);
    expect(plain).not.toHaveProperty('provider');
  });
});
