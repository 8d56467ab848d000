import { createRegistry, ProtocolError } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeProvider, fail, fake, finish, quickRouting, registryOf, text } from '../../test/fakes.js';
import { GatewayPool } from '../../test/gateway-pool.js';
import { getJson, postJson } from '../../test/post-json.js';

const gateways = new GatewayPool();
afterEach(() => gateways.closeAll());

const hello = { model: 'shared', messages: [{ role: 'user', content: 'Hi' }] };

describe('models, providers, health and metrics', () => {
  it('lists every model id and alias, with who serves it and what an alias resolves to', async () => {
    const alpha = fake('Alpha', [finish()]);
    const beta = fake('Beta', [finish()], { models: ['shared-model', 'beta-large'], modelAliases: { shared: 'shared-model', large: 'beta-large' } });
    const { url } = await gateways.start({ registry: registryOf([alpha, beta]), apiKeys: ['key'] });
    expect((await getJson(`${url}/v1/models`)).status).toBe(401);
    const { status, body } = await getJson(`${url}/v1/models`, { authorization: 'Bearer key' });
    expect(status).toBe(200);
    expect(body.object).toBe('list');
    const byId = Object.fromEntries(body.data.map((entry: { id: string }) => [entry.id, entry]));
    expect(Object.keys(byId).sort()).toEqual(['beta-large', 'large', 'shared', 'shared-model']);
    expect(byId.shared).toEqual({
      id: 'shared',
      object: 'model',
      created: 0,
      owned_by: 'Alpha',
      switchboard_providers: [
        { provider: 'Alpha', model: 'shared-model' },
        { provider: 'Beta', model: 'shared-model' },
      ],
      switchboard_alias_for: 'shared-model',
    });
    expect(byId['beta-large']).toMatchObject({ owned_by: 'Beta', switchboard_alias_for: null });
    const one = await getJson(`${url}/v1/models/large`, { authorization: 'Bearer key' });
    expect(one.body).toMatchObject({ id: 'large', owned_by: 'Beta', switchboard_alias_for: 'beta-large' });
    const unknown = await getJson(`${url}/v1/models/nope`, { authorization: 'Bearer key' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NO_PROVIDER_FOR_MODEL', param: 'model' });
  });

  it('lists providers with their metadata and health', async () => {
    const registry = registryOf([fake('Alpha', [fail(new ProtocolError('broken'))]), fake('Beta', [finish()], { working: false })]);
    const { url } = await gateways.start({ registry });
    await postJson(`${url}/v1/chat/completions`, hello);
    const { body } = await getJson(`${url}/v1/providers`);
    expect(body.object).toBe('list');
    expect(body.data.map((entry: { id: string }) => entry.id)).toEqual(['Alpha', 'Beta']);
    expect(body.data[0]).toMatchObject({
      object: 'provider',
      metadata: { name: 'Alpha', defaultModel: 'shared-model', supportsStream: true },
      health: { provider: 'Alpha', state: 'closed', working: true, consecutiveFailures: 1, lastError: { code: 'PROTOCOL' } },
    });
    expect(body.data[1].health).toMatchObject({ working: false, declaredWorking: false });
    expect(body.store).toEqual({ kind: 'memory', shared: false, connected: true });
  });

  it('reports concurrency slots and the routing store in /v1/providers and /metrics', async () => {
    const limited = fake('Limited', [text('hi'), finish()], { maxConcurrency: 2 });
    const { url } = await gateways.start({ registry: registryOf([limited]) });
    expect((await postJson(`${url}/v1/chat/completions`, hello)).status).toBe(200);
    const { body } = await getJson(`${url}/v1/providers`);
    expect(body.data[0].health).toMatchObject({ maxConcurrency: 2, inFlight: 0, waiting: 0 });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('switchboard_provider_in_flight{provider="Limited"} 0');
    expect(metrics).toContain('switchboard_provider_waiting{provider="Limited"} 0');
    expect(metrics).toContain('switchboard_routing_store_connected{kind="memory",shared="false"} 1');
  });

  it('answers /health without calling a provider, and /health/ready by whether any provider is routable', async () => {
    const working = createFakeProvider({ name: 'Alpha', script: [finish()] });
    const ready = await gateways.start({ registry: registryOf([working]) });
    expect(await getJson(`${ready.url}/health`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${ready.url}/health/ready`)).toMatchObject({
      status: 200,
      body: { status: 'ready', providers: [{ provider: 'Alpha', working: true, state: 'closed' }] },
    });
    expect(working.calls).toHaveLength(0);

    const registry = createRegistry({ ...quickRouting, circuit: { failureThreshold: 1, cooldownMs: 60_000 } });
    const broken = fake('Broken', [fail(new ProtocolError('broken'))]);
    registry.register(broken.providerClass, broken.metadata);
    const failing = await gateways.start({ registry });
    expect((await getJson(`${failing.url}/health/ready`)).status).toBe(200);
    await postJson(`${failing.url}/v1/chat/completions`, hello);
    expect(await getJson(`${failing.url}/health/ready`)).toMatchObject({
      status: 503,
      body: { status: 'unavailable', providers: [{ provider: 'Broken', working: false, state: 'open' }] },
    });
  });

  it('exposes Prometheus metrics: requests, errors by code, time to first token, open streams, circuits', async () => {
    const registry = createRegistry({ ...quickRouting, circuit: { failureThreshold: 1, cooldownMs: 60_000 } });
    for (const provider of [fake('Good', [text('hi'), finish()]), fake('Bad', [fail(new ProtocolError('broken'))], { models: ['bad-model'], defaultModel: 'bad-model', modelAliases: {} })]) {
      registry.register(provider.providerClass, provider.metadata);
    }
    const { url } = await gateways.start({ registry });
    expect((await postJson(`${url}/v1/chat/completions`, hello)).status).toBe(200);
    expect((await postJson(`${url}/v1/chat/completions`, { ...hello, model: 'bad-model' })).status).toBe(502);
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const metrics = await response.text();
    expect(metrics).toContain('switchboard_http_requests_total{route="/v1/chat/completions",method="POST",status="200"} 1');
    expect(metrics).toContain('switchboard_http_requests_total{route="/v1/chat/completions",method="POST",status="502"} 1');
    expect(metrics).toContain('switchboard_errors_total{route="/v1/chat/completions",code="ALL_PROVIDERS_FAILED"} 1');
    expect(metrics).toContain('switchboard_time_to_first_token_seconds_count{provider="Good"} 1');
    expect(metrics).toContain('switchboard_open_streams 0');
    expect(metrics).toContain('switchboard_provider_circuit_state{provider="Good"} 0');
    expect(metrics).toContain('switchboard_provider_circuit_state{provider="Bad"} 2');
    expect(metrics).not.toContain('process_cpu');
  });
});
