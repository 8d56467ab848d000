import { afterEach, describe, expect, it } from 'vitest';
import { fake, finish, registryOf, text } from '../../test/fakes.js';
import { GatewayPool } from '../../test/gateway-pool.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

const sdkHeaders = 'authorization, content-type, x-stainless-os, x-stainless-retry-count, x-stainless-timeout, openai-organization, openai-project, x-request-id';

async function start(origins: readonly string[] | '*') {
  return gateways.start({ registry: registryOf([fake('Alpha', [text('ok'), finish()])]), apiKeys: ['key'], cors: { origins } });
}

const preflight = (url: string, origin: string) =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': sdkHeaders },
  });

describe('CORS', () => {
  it('answers a preflight from an allowed origin with the headers the official SDKs send', async () => {
    const { url } = await start(['https://app.example']);
    const response = await preflight(url, 'https://app.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')!.split(', ').sort()).toEqual(sdkHeaders.split(', ').sort());
  });

  it('gives no CORS headers to an origin that is not allowed', async () => {
    const { url } = await start(['https://app.example']);
    const response = await preflight(url, 'https://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const request = await fetch(`${url}/v1/models`, { headers: { origin: 'https://evil.example', authorization: 'Bearer key' } });
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts CORS headers on answers and errors, exposing the retry and request id headers', async () => {
    const { url } = await start('*');
    const refused = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { origin: 'https://any.example', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'shared', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('access-control-expose-headers')).toContain('x-should-retry');
    const streamed = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { origin: 'https://any.example', 'content-type': 'application/json', authorization: 'Bearer key' },
      body: JSON.stringify({ model: 'shared', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
    });
    expect(streamed.headers.get('access-control-allow-origin')).toBe('*');
    expect(await streamed.text()).toContain('[DONE]');
  });
});
