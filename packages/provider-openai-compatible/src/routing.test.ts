import { createRegistry, type RoutingEvent } from '@switchboard/core';
import { startConnectProxy, startOpenAIEmulator, type ConnectProxy, type OpenAIEmulator } from '@switchboard/testing';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';
import { defineOpenAICompatibleProvider } from './define-openai-compatible-provider.js';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
async function emulator(options: Parameters<typeof startOpenAIEmulator>[0]): Promise<OpenAIEmulator> {
  const started = await startOpenAIEmulator(options);
  closers.push(() => started.close());
  return started;
}
async function proxy(): Promise<ConnectProxy> {
  const started = await startConnectProxy();
  closers.push(() => started.close());
  return started;
}
const ask = { model: 'shared', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('OpenAI-compatible providers in a registry', () => {
  it('retries a rate-limited upstream after the delay it asked for', async () => {
    const upstream = await emulator({ answer: 'after the wait', fault: (number) => (number === 0 ? { kind: 'rate-limited', retryAfterMs: 30 } : undefined) });
    const events: RoutingEvent[] = [];
    const registry = createRegistry({ retry: { baseDelayMs: 1, maxDelayMs: 1 }, onEvent: (event) => events.push(event) });
    const { providerClass, metadata } = defineOpenAICompatibleProvider({ name: 'Limited', baseUrl: upstream.baseUrl, models: ['shared'] });
    registry.register(providerClass, metadata);
    expect(await registry.complete(ask)).toBe('after the wait');
    expect(upstream.chatRequests).toBe(2);
    expect(events.find((event) => event.type === 'retry-scheduled')).toMatchObject({ delayMs: 30, reason: { code: 'QUEUE_FULL' } });
  });

  it('falls back to the next upstream serving the alias when the first refuses the key', async () => {
    const refusing = await emulator({ apiKey: 'expected' });
    const working = await emulator({ answer: 'from the fallback' });
    const registry = createRegistry();
    for (const [name, baseUrl, priority] of [['Primary', refusing.baseUrl, 1], ['Backup', working.baseUrl, 0]] as const) {
      const { providerClass, metadata } = defineOpenAICompatibleProvider({ name, baseUrl, models: ['shared'], priority, apiKey: 'wrong' });
      registry.register(providerClass, metadata);
    }
    expect(await registry.complete(ask)).toBe('from the fallback');
    expect(refusing.requests).toHaveLength(1);
  });

  it('goes through an HTTP proxy given in the settings or per request', async () => {
    const upstream = await emulator({ answer: 'proxied' });
    const settingsProxy = await proxy();
    const requestProxy = await proxy();
    const provider = createOpenAICompatibleProvider({ name: 'Proxied', baseUrl: upstream.baseUrl, models: ['shared'], proxy: settingsProxy.url });
    closers.push(() => provider.close());
    expect(await provider.complete(ask)).toBe('proxied');
    expect(await provider.complete({ ...ask, proxy: requestProxy.url })).toBe('proxied');
    const target = new URL(upstream.url).host;
    expect(settingsProxy.tunnels).toEqual([target]);
    expect(requestProxy.tunnels).toEqual([target]);
  });

  it('sends requests through a given dispatcher', async () => {
    const upstream = await emulator({ answer: 'dispatched' });
    let dispatched = 0;
    const agent = new Agent().compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    closers.push(() => agent.close());
    const provider = createOpenAICompatibleProvider({ name: 'Dispatched', baseUrl: upstream.baseUrl, models: ['shared'], dispatcher: agent });
    expect(await provider.complete(ask)).toBe('dispatched');
    expect(dispatched).toBe(1);
  });
});
