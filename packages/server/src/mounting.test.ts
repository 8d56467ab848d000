import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { fake, finish, hang, registryOf, text } from '../test/fakes.js';
import { createGateway, switchboardGateway, type Gateway } from './index.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const hello = [{ role: 'user' as const, content: 'Hello' }];

async function listenOn(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('mounting the gateway in an existing app', () => {
  it('serves through gateway.handler in a plain node:http server', async () => {
    const gateway: Gateway = createGateway({ registry: registryOf([fake('Alpha', [text('via handler'), finish()])]) });
    const server = createServer(gateway.handler);
    const url = await listenOn(server);
    cleanups.push(() => gateway.close({ graceMs: 0 }), () => new Promise((resolve) => server.close(resolve)));
    const openai = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'shared', messages: hello });
    expect(completion.choices[0]!.message.content).toBe('via handler');
    expect((await openai.models.list()).data.map((model) => model.id)).toContain('shared');
  });

  it('serves as a Fastify plugin under a prefix, leaving the host\'s own routes alone', async () => {
    const host = Fastify();
    host.get('/own', async () => ({ mine: true }));
    await host.register(switchboardGateway, {
      prefix: '/llm',
      registry: registryOf([fake('Alpha', [text('via plugin'), finish()])]),
      apiKeys: ['key'],
    });
    const url = await host.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => host.close());
    const own = await fetch(`${url}/own`);
    expect(own.status).toBe(200);
    expect(own.headers.get('x-request-id')).toBeNull();
    const openai = new OpenAI({ baseURL: `${url}/llm/v1`, apiKey: 'key', maxRetries: 0 });
    const stream = await openai.chat.completions.create({ model: 'shared', messages: hello, stream: true });
    let answer = '';
    for await (const chunk of stream) answer += chunk.choices[0]?.delta.content ?? '';
    expect(answer).toBe('via plugin');
    const missing = await fetch(`${url}/llm/v1/nothing`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('aborts the plugin\'s open streams when the host closes, after closeGraceMs', async () => {
    const provider = fake('Alpha', [text('first'), hang()]);
    const host = Fastify({ forceCloseConnections: true });
    await host.register(switchboardGateway, { registry: registryOf([provider]), closeGraceMs: 50, keepAliveMs: 0 });
    const url = await host.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'shared', messages: hello, stream: true }),
    });
    const body = response.text();
    await expect.poll(() => provider.calls.length).toBe(1);
    await host.close();
    expect(await body).toContain('"code":"GATEWAY_CLOSING"');
    expect(provider.calls[0]!.signal?.aborted).toBe(true);
  });
});
