import { createRegistry } from '@switchboard/core';
import { createFakeProvider, finish, startOpenAIEmulator, text, type OpenAIEmulator } from '@switchboard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.js';
import type { OpenAICompatibleEntry } from '../config/openai-compatible-entry-schema.js';
import { registerOpenAICompatible } from './register-openai-compatible.js';

const emulators: OpenAIEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

const source = { file: '/project/switchboard.config.json', field: 'providers[2]' };

function entryFor(baseUrl: string, overrides: Partial<OpenAICompatibleEntry> = {}): OpenAICompatibleEntry {
  return { name: 'LocalOllama', baseUrl, models: ['qwen2.5:72b'], modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' }, ...overrides };
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error as ConfigError;
    throw error;
  }
  throw new Error('the entry was registered');
}

describe('registerOpenAICompatible', () => {
  it('registers the upstream under its name and aliases, sending the key read from the named variable', async () => {
    const emulator = await startOpenAIEmulator({ answer: 'from the local server', apiKey: 'local-secret' });
    emulators.push(emulator);
    const registry = createRegistry();
    const name = registerOpenAICompatible(registry, entryFor(emulator.baseUrl, { apiKeyEnv: 'OLLAMA_API_KEY' }), {
      ...source,
      environment: { OLLAMA_API_KEY: 'local-secret' },
    });
    expect(name).toBe('LocalOllama');
    expect(registry.list()).toEqual([expect.objectContaining({ name: 'LocalOllama', url: emulator.baseUrl, needsAuth: true })]);
    expect(JSON.stringify(registry.list())).not.toContain('local-secret');
    expect(await registry.complete({ model: 'qwen-2-72b', messages: [{ role: 'user', content: 'hi' }] })).toBe('from the local server');
    const [request] = emulator.requests;
    expect(request!.headers.authorization).toBe('Bearer local-secret');
    expect((request!.body as { model: string }).model).toBe('qwen2.5:72b');
  });

  it('routes by the entry\'s priority, before registration order', () => {
    const registry = createRegistry();
    registerOpenAICompatible(registry, entryFor('http://127.0.0.1:9/v1', { name: 'Fallback', priority: -1 }), source);
    const space = createFakeProvider({ name: 'Space', script: [text('hi'), finish()], metadata: { modelAliases: { 'qwen-2-72b': 'shared-model' } } });
    registry.register(space.providerClass, space.metadata);
    registerOpenAICompatible(registry, entryFor('http://127.0.0.1:9/v1', { name: 'Preferred', priority: 1 }), source);
    expect(registry.candidates('qwen-2-72b').map((candidate) => candidate.metadata.name)).toEqual(['Preferred', 'Space', 'Fallback']);
  });

  it('fails at load, naming the variable, when the API key variable is unset or empty', () => {
    for (const environment of [{}, { OLLAMA_API_KEY: '  ' }]) {
      const registry = createRegistry();
      const error = configError(() =>
        registerOpenAICompatible(registry, entryFor('http://127.0.0.1:9/v1', { apiKeyEnv: 'OLLAMA_API_KEY' }), { ...source, environment }),
      );
      expect(error.field).toBe('providers[2].openaiCompatible.apiKeyEnv');
      expect(error.message).toBe(
        '/project/switchboard.config.json: providers[2].openaiCompatible.apiKeyEnv: the environment variable OLLAMA_API_KEY is not set; ' +
          'set it to the API key of http://127.0.0.1:9/v1, or remove "apiKeyEnv" if the server needs no key',
      );
      expect(registry.list()).toEqual([]);
    }
  });

  it('refuses a name another provider already has', () => {
    const registry = createRegistry();
    registerOpenAICompatible(registry, entryFor('http://127.0.0.1:9/v1'), source);
    const error = configError(() => registerOpenAICompatible(registry, entryFor('http://127.0.0.1:10/v1'), source));
    expect(error.field).toBe('providers[2].openaiCompatible.name');
    expect(error.message).toContain('a provider named "LocalOllama" is already registered; give this upstream another "name"');
  });
});
