import { RegisterProvider, createRegistry, getRegistry, inject, providerSettingsToken } from '@switchboard/core';
import { startOpenAIEmulator, type OpenAIEmulator } from '@switchboard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';
import { defineOpenAICompatibleProvider } from './define-openai-compatible-provider.js';
import { openAICompatibleMetadata } from './openai-compatible-metadata.js';
import { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import type { OpenAICompatibleSettings } from './openai-compatible-settings.js';

@RegisterProvider(
  openAICompatibleMetadata({
    name: 'TestOllama',
    url: 'http://127.0.0.1:9/v1',
    models: ['qwen2.5:72b'],
    modelAliases: { 'test-qwen': 'qwen2.5:72b' },
  }),
)
class TestOllama extends OpenAICompatibleProvider {}

@RegisterProvider(openAICompatibleMetadata({ name: 'TestRouter', url: 'http://127.0.0.1:9/v1', models: ['router-model'] }))
class TestRouter extends OpenAICompatibleProvider {
  static override defaultSettings: OpenAICompatibleSettings = { apiKeyEnv: 'TEST_ROUTER_KEY', headers: { 'x-title': 'Switchboard' } };
}

const ask = (model: string) => ({ model, messages: [{ role: 'user' as const, content: 'hi' }] });
const running: OpenAIEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});
async function emulator(answer = 'pong'): Promise<OpenAIEmulator> {
  const started = await startOpenAIEmulator({ answer });
  running.push(started);
  return started;
}

describe('registering OpenAI-compatible back ends', () => {
  it('makes a one-line subclass injectable without constructor type metadata of its own', () => {
    expect(Reflect.getOwnMetadata('design:paramtypes', TestOllama)).toBeUndefined();
    expect(getRegistry().list().map((metadata) => metadata.name)).toContain('TestOllama');
    const provider = getRegistry().get('TestOllama') as TestOllama;
    expect(provider).toBeInstanceOf(TestOllama);
    expect(provider.settings.baseUrl).toBe('http://127.0.0.1:9/v1');
  });

  it('gives a subclass the settings registered under its own name, and new ones after configureProvider', async () => {
    const upstream = await emulator();
    const registry = createRegistry();
    registry.register(TestOllama, undefined, { settings: { baseUrl: `${upstream.baseUrl}/`, apiKey: 'first-key' } });
    expect(await registry.complete(ask('test-qwen'))).toBe('pong');
    registry.configureProvider(TestOllama, { baseUrl: upstream.baseUrl, apiKey: 'second-key' });
    expect(await registry.complete(ask('qwen2.5:72b'))).toBe('pong');
    expect(upstream.requests.map((request) => request.headers.authorization)).toEqual(['Bearer first-key', 'Bearer second-key']);
    expect(upstream.requests.map((request) => (request.body as { model: string }).model)).toEqual(['qwen2.5:72b', 'qwen2.5:72b']);
  });

  it('layers registered settings over a subclass\'s defaultSettings, reading the key from apiKeyEnv', async () => {
    const upstream = await emulator();
    process.env.TEST_ROUTER_KEY = 'from-environment';
    try {
      const registry = createRegistry();
      registry.register(TestRouter, undefined, { settings: { baseUrl: upstream.baseUrl } });
      expect(await registry.complete(ask('router-model'))).toBe('pong');
    } finally {
      delete process.env.TEST_ROUTER_KEY;
    }
    expect(upstream.requests[0]!.headers).toMatchObject({ authorization: 'Bearer from-environment', 'x-title': 'Switchboard' });
  });

  it('serves one class registered under two names, each with its own URL and settings', async () => {
    const first = await emulator('first');
    const second = await emulator('second');
    class Shared extends OpenAICompatibleProvider {}
    const registry = createRegistry();
    registry.register(Shared, openAICompatibleMetadata({ name: 'SharedA', url: first.baseUrl, models: ['a'] }), { settings: { apiKey: 'key-a' } });
    registry.register(Shared, openAICompatibleMetadata({ name: 'SharedB', url: second.baseUrl, models: ['b'] }));
    expect(await registry.complete(ask('a'))).toBe('first');
    expect(await registry.complete(ask('b'))).toBe('second');
    expect(first.requests[0]!.headers.authorization).toBe('Bearer key-a');
    expect(second.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('accepts a subclass with its own constructor that injects its settings explicitly', async () => {
    const upstream = await emulator('explicit');
    class Explicit extends OpenAICompatibleProvider {
      constructor(@inject(providerSettingsToken) settings?: OpenAICompatibleSettings) {
        super(settings);
      }
    }
    const registry = createRegistry();
    const metadata = openAICompatibleMetadata({ name: 'Explicit', url: 'http://127.0.0.1:9/v1', models: ['m'] });
    registry.register(Explicit, metadata, { settings: { baseUrl: upstream.baseUrl } });
    expect(await registry.complete(ask('m'))).toBe('explicit');
  });

  it('defines a registrable class from options, as a config file entry would', async () => {
    const upstream = await emulator('from config');
    const { providerClass, metadata } = defineOpenAICompatibleProvider({
      name: 'ConfiguredGroq',
      baseUrl: upstream.baseUrl,
      apiKey: 'config-key',
      models: ['llama-3.3-70b'],
      modelAliases: { llama: 'llama-3.3-70b' },
      priority: 3,
    });
    expect(metadata).toMatchObject({ name: 'ConfiguredGroq', url: upstream.baseUrl, defaultModel: 'llama-3.3-70b', priority: 3, needsAuth: true });
    expect(metadata).not.toHaveProperty('apiKey');
    const registry = createRegistry();
    registry.register(providerClass, metadata);
    expect(await registry.complete(ask('llama'))).toBe('from config');
    expect(upstream.requests[0]!.headers.authorization).toBe('Bearer config-key');
  });

  it('creates a provider for direct use, without any registry', async () => {
    const upstream = await emulator('direct');
    const provider = createOpenAICompatibleProvider({ name: 'DirectLocal', baseUrl: upstream.baseUrl, models: ['local'] });
    expect(provider.metadata.name).toBe('DirectLocal');
    expect(await provider.complete({ messages: [{ role: 'user', content: 'hi' }] })).toBe('direct');
    expect((upstream.requests[0]!.body as { model: string }).model).toBe('local');
  });

  it('refuses options without a usable base URL or a served default model', () => {
    expect(() => createOpenAICompatibleProvider({ name: 'Bad', baseUrl: 'localhost:11434', models: ['m'] })).toThrow(
      /not an http\(s\) URL; set "baseUrl"/,
    );
    expect(() => defineOpenAICompatibleProvider({ name: 'Bad', baseUrl: 'http://x/v1', models: ['m'], defaultModel: 'other' })).toThrow(
      '"defaultModel" other is not in "models"',
    );
  });
});
