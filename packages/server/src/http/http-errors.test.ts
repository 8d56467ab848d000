import { createRegistry, ProtocolError, UpstreamHttpError } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, fake, finish, hang, quickRouting, registryOf, text } from '../../test/fakes.js';
import { GatewayPool } from '../../test/gateway-pool.js';
import { postJson } from '../../test/post-json.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

const hello = { model: 'shared', messages: [{ role: 'user', content: 'Hi' }] };

async function chatUrl(steps: Parameters<typeof fake>[1] = [text('ok'), finish()], options: object = {}) {
  const { url } = await gateways.start({ registry: registryOf([fake('Alpha', steps)]), ...options });
  return `${url}/v1/chat/completions`;
}

function expectOpenAiError(response: { status: number; headers: Headers; body: any }, status: number, code: string, param: string | null) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.body).toEqual({ error: { message: expect.any(String), type: expect.any(String), param, code } });
  expect(response.headers.get('x-request-id')).toMatch(/\S/);
}

describe('error answers of the gateway', () => {
  it.each([
    ['no messages', { model: 'shared' }, 'messages'],
    ['an empty message list', { model: 'shared', messages: [] }, 'messages'],
    ['a temperature out of range', { ...hello, temperature: 3 }, 'temperature'],
    ['tools', { ...hello, tools: [{ type: 'function', function: { name: 'f' } }] }, 'tools'],
    ['a tool choice', { ...hello, tool_choice: 'auto' }, 'tool_choice'],
    ['functions', { ...hello, functions: [{ name: 'f' }] }, 'functions'],
    ['two choices', { ...hello, n: 2 }, 'n'],
    ['a JSON response format', { ...hello, response_format: { type: 'json_object' } }, 'response_format'],
    ['log probabilities', { ...hello, logprobs: true }, 'logprobs'],
    ['audio output', { ...hello, modalities: ['text', 'audio'] }, 'modalities'],
    ['a tool message', { model: 'shared', messages: [{ role: 'tool', content: 'r', tool_call_id: 'x' }] }, 'messages[0].role'],
    [
      'an image part',
      { model: 'shared', messages: [{ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image_url', image_url: { url: 'x' } }] }] },
      'messages[0].content[1]',
    ],
  ])('400 for %s, naming the parameter', async (_name, body, param) => {
    const response = await postJson(await chatUrl(), body);
    expectOpenAiError(response, 400, 'INVALID_REQUEST', param);
    expect(response.body.error.type).toBe('invalid_request_error');
    expect(response.headers.get('x-should-retry')).toBe('false');
  });

  it('400 for a body that is not JSON', async () => {
    const response = await postJson(await chatUrl(), '{"model": ');
    expectOpenAiError(response, 400, 'INVALID_REQUEST', null);
  });

  it('401 without a key or with a wrong one, when keys are configured', async () => {
    const url = await chatUrl(undefined, { apiKeys: ['k1', 'k2'] });
    expectOpenAiError(await postJson(url, hello), 401, 'INVALID_API_KEY', null);
    expectOpenAiError(await postJson(url, hello, { authorization: 'Bearer k3' }), 401, 'INVALID_API_KEY', null);
    expect((await postJson(url, hello, { authorization: 'Bearer k2' })).status).toBe(200);
  });

  it('404 for an unknown model, an unknown pinned provider and an unknown route', async () => {
    const url = await chatUrl();
    expectOpenAiError(await postJson(url, { ...hello, model: 'nope' }), 404, 'NO_PROVIDER_FOR_MODEL', 'model');
    expectOpenAiError(await postJson(url, { ...hello, provider: 'Nobody' }), 404, 'PROVIDER_NOT_FOUND', 'provider');
    expectOpenAiError(await postJson(url.replace('/chat/completions', '/embeddings'), {}), 404, 'ROUTE_NOT_FOUND', null);
  });

  it('413 for a body over the limit', async () => {
    const url = await chatUrl(undefined, { bodyLimitBytes: 2_000 });
    const response = await postJson(url, { ...hello, messages: [{ role: 'user', content: 'x'.repeat(5_000) }] });
    expectOpenAiError(response, 413, 'PAYLOAD_TOO_LARGE', null);
    expect(response.body.error.message).toContain('2000 bytes');
  });

  it('429 beyond the concurrency cap, while the first stream is open', async () => {
    const url = await chatUrl([text('first'), hang()], { maxConcurrentStreams: 1 });
    const controller = new AbortController();
    const open = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...hello, stream: true }),
      signal: controller.signal,
    });
    expect(open.status).toBe(200);
    await open.body!.getReader().read();
    const refused = await postJson(url, hello);
    expectOpenAiError(refused, 429, 'GATEWAY_BUSY', null);
    expect(refused.headers.get('x-should-retry')).toBe('true');
    controller.abort();
  });

  it('502 for upstream failures, with x-should-retry telling whether a retry can help', async () => {
    const transient = await postJson(await chatUrl([fail(new UpstreamHttpError(500, 'boom'))]), hello);
    expectOpenAiError(transient, 502, 'ALL_PROVIDERS_FAILED', null);
    expect(transient.headers.get('x-should-retry')).toBe('true');
    const permanent = await postJson(await chatUrl([fail(new ProtocolError('not JSON'))]), hello);
    expect(permanent.status).toBe(502);
    expect(permanent.headers.get('x-should-retry')).toBe('false');
  });

  it('503 when every provider is unavailable, with retry-after while a circuit is open', async () => {
    const notWorking = fake('Alpha', [text('x'), finish()], { working: false });
    const { url } = await gateways.start({ registry: registryOf([notWorking]) });
    const unavailable = await postJson(`${url}/v1/chat/completions`, hello);
    expectOpenAiError(unavailable, 503, 'ALL_PROVIDERS_FAILED', null);
    expect(unavailable.body.error.type).toBe('service_unavailable_error');
    expect(unavailable.headers.get('retry-after')).toBeNull();

    const flaky = fake('Beta', [fail(new ProtocolError('broken'))]);
    const registry = createRegistry({ ...quickRouting, circuit: { failureThreshold: 1, cooldownMs: 30_000 } });
    registry.register(flaky.providerClass, flaky.metadata);
    const second = await gateways.start({ registry });
    expect((await postJson(`${second.url}/v1/chat/completions`, hello)).status).toBe(502);
    const open = await postJson(`${second.url}/v1/chat/completions`, hello);
    expect(open.status).toBe(503);
    expect(Number(open.headers.get('retry-after'))).toBeGreaterThan(25);
    expect(open.headers.get('x-should-retry')).toBe('true');
  });

  it('504 when the upstream does not answer in time', async () => {
    const registry = createRegistry({ ...quickRouting, timeouts: { connectMs: 50 } });
    const silent = fake('Alpha', [hang()]);
    registry.register(silent.providerClass, silent.metadata);
    const { url } = await gateways.start({ registry });
    const response = await postJson(`${url}/v1/chat/completions`, { ...hello, stream: true });
    expectOpenAiError(response, 504, 'ALL_PROVIDERS_FAILED', null);
    expect(response.body.error.message).toContain('connect timeout');
    expect(response.headers.get('x-should-retry')).toBe('true');
  });

  it('echoes a usable incoming x-request-id and makes one up otherwise', async () => {
    const url = await chatUrl();
    const echoed = await postJson(url, { ...hello, model: 'nope' }, { 'x-request-id': 'client-id-42' });
    expect(echoed.headers.get('x-request-id')).toBe('client-id-42');
    const replaced = await postJson(url, hello, { 'x-request-id': 'bad id with spaces' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
