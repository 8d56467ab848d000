import {
  AbortError,
  AllProvidersFailedError,
  ConcurrencyLimitError,
  ConnectionError,
  InvalidRequestError,
  ProtocolError,
  ProviderUnavailableError,
  QueueFullError,
  TimeoutError,
} from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { GatewayClosingError } from '../errors/gateway-closing-error.js';
import { describeError } from './describe-error.js';

const allFailed = (...errors: Error[]) =>
  new AllProvidersFailedError(
    'shared',
    errors.map((error, index) => ({ provider: `P${index}`, error })),
  );

describe('describeError', () => {
  it.each([
    ['all queue-full', allFailed(new QueueFullError(), new QueueFullError()), 429, true],
    ['queue full or over a provider concurrency limit', allFailed(new QueueFullError(), new ConcurrencyLimitError('P1', { limit: 4, waitedMs: 10 })), 429, true],
    ['all unavailable', allFailed(new ProviderUnavailableError('P0', 'not-working')), 503, true],
    ['queue-full once the unavailable are set aside', allFailed(new ProviderUnavailableError('P0', 'disabled'), new QueueFullError()), 429, true],
    ['only timeouts', allFailed(new TimeoutError('firstToken', 10), new TimeoutError('connect', 10)), 504, true],
    ['only invalid requests', allFailed(new InvalidRequestError('bad', { param: 'stop' })), 400, false],
    ['a mix', allFailed(new QueueFullError(), new TimeoutError('connect', 10)), 502, true],
    ['only permanent upstream failures', allFailed(new ProtocolError('bad')), 502, false],
  ])('derives the status of ALL_PROVIDERS_FAILED from the causes: %s', (_name, error, status, shouldRetry) => {
    expect(describeError(error)).toMatchObject({ status, code: 'ALL_PROVIDERS_FAILED', shouldRetry });
  });

  it('takes the soonest retry time the causes know of', () => {
    const error = allFailed(new QueueFullError({ retryAfterMs: 9_000 }), new QueueFullError({ retryAfterMs: 2_000 }), new QueueFullError());
    expect(describeError(error).retryAfterMs).toBe(2_000);
    const circuit = allFailed(new ProviderUnavailableError('P0', 'circuit-open', { retryInMs: 12_000 }));
    expect(describeError(circuit)).toMatchObject({ status: 503, retryAfterMs: 12_000 });
  });

  it('maps single errors by code and keeps the parameter of an invalid request', () => {
    expect(describeError(new InvalidRequestError('no', { param: 'messages[0].role' }))).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'messages[0].role',
      shouldRetry: false,
    });
    expect(describeError(new ConnectionError('reset'))).toMatchObject({ status: 502, type: 'server_error', shouldRetry: true });
    expect(describeError(new TimeoutError('total', 5))).toMatchObject({ status: 504, shouldRetry: false });
  });

  it('describes an abort by its reason when the reason is a Switchboard error', () => {
    expect(describeError(new AbortError(new GatewayClosingError()))).toMatchObject({ status: 503, code: 'GATEWAY_CLOSING', shouldRetry: true });
  });

  it('hides the details of unexpected errors', () => {
    const description = describeError(new TypeError('secret internal state'));
    expect(description).toMatchObject({ status: 500, code: 'INTERNAL', type: 'server_error' });
    expect(description.message).not.toContain('secret');
  });
});
