import { afterEach, describe, expect, it } from 'vitest';
import { fake, finish, hang, registryOf, text } from '../test/fakes.js';
import { GatewayPool } from '../test/gateway-pool.js';
import { parseSse } from '../test/read-sse.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

const body = (stream: boolean) => JSON.stringify({ model: 'shared', messages: [{ role: 'user', content: 'Hi' }], stream });

async function openStream(url: string) {
  const response = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(true) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value);
  const rest = (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
    return parseSse(response.status, response.headers, text);
  })();
  return { rest };
}

describe('gateway.close({ graceMs })', () => {
  it('lets an open stream finish within the grace period and refuses new connections', async () => {
    const provider = fake('Alpha', [text('first '), text('second', 300), finish()]);
    const { gateway, url } = await gateways.start({ registry: registryOf([provider]) });
    const stream = await openStream(url);
    const closed = gateway.close({ graceMs: 10_000 });
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    const answer = await stream.rest;
    expect(answer.done).toBe(true);
    expect(answer.data.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('first second');
    await closed;
  });

  it('aborts a stream still open after the grace period: an error event, no [DONE], upstream cancelled', async () => {
    const provider = fake('Alpha', [text('first'), hang()]);
    const { gateway, url } = await gateways.start({ registry: registryOf([provider]) });
    const stream = await openStream(url);
    await gateway.close({ graceMs: 100 });
    const answer = await stream.rest;
    expect(answer.done).toBe(false);
    expect(answer.data.at(-1).error).toMatchObject({ code: 'GATEWAY_CLOSING', type: 'service_unavailable_error' });
    expect(provider.calls[0]!.signal?.aborted).toBe(true);
  });

  it('answers a non-streaming completion still running after the grace period with 503', async () => {
    const provider = fake('Alpha', [text('first'), hang()]);
    const { gateway, url } = await gateways.start({ registry: registryOf([provider]) });
    const pending = fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(false) });
    await expect.poll(() => provider.calls.length).toBe(1);
    await gateway.close({ graceMs: 50 });
    const response = await pending;
    expect(response.status).toBe(503);
    expect(response.headers.get('x-should-retry')).toBe('true');
    expect((await response.json()).error.code).toBe('GATEWAY_CLOSING');
  });
});
