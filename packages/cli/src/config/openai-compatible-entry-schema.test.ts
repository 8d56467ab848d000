import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { parseConfig } from './load-config.js';

const ollama = {
  name: 'LocalOllama',
  baseUrl: 'http://127.0.0.1:11434/v1',
  apiKeyEnv: 'OLLAMA_API_KEY',
  models: ['qwen2.5:72b'],
  modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' },
};

function parse(entry: object) {
  return parseConfig(JSON.stringify({ providers: [{ package: '@switchboard/provider-qwen2-72b' }, entry] }), '/project/switchboard.config.json');
}

function configError(entry: object): ConfigError {
  try {
    parse(entry);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error as ConfigError;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('openaiCompatible provider entries', () => {
  it('accepts every documented field', () => {
    const entry = {
      ...ollama,
      label: 'Ollama on this machine',
      defaultModel: 'qwen2.5:72b',
      priority: -1,
      headers: { 'X-Title': 'switchboard' },
      supportedSettings: ['temperature', 'maxOutputTokens', 'stop'],
      includeUsage: false,
      maxEventBytes: 1_048_576,
    };
    expect(parse({ openaiCompatible: entry }).providers[1]).toEqual({ openaiCompatible: entry });
  });

  it('refuses an API key written in the file, and says where it belongs', () => {
    const error = configError({ openaiCompatible: { ...ollama, apiKey: 'sk-local' } });
    expect(error.field).toBe('providers[1].openaiCompatible.apiKey');
    expect(error.message).toContain('API keys do not belong in the configuration file');
    expect(error.message).toContain('"apiKeyEnv"');
  });

  it('names an unknown field instead of ignoring it', () => {
    const error = configError({ openaiCompatible: { ...ollama, apiKeyEnvironment: 'OLLAMA_API_KEY' } });
    expect(error.field).toBe('providers[1].openaiCompatible');
    expect(error.message).toContain('"apiKeyEnvironment"');
  });

  it('requires a name, an http(s) base URL and at least one model', () => {
    const missing = configError({ openaiCompatible: { baseUrl: 'ftp://files.internal/v1', models: [] } });
    expect(missing.field).toBe('providers[1].openaiCompatible.name');
    expect(missing.message).toContain('; providers[1].openaiCompatible.baseUrl: must be an http(s) URL');
    expect(missing.message).toContain('; providers[1].openaiCompatible.models: list the model ids the server serves');
  });

  it('refuses an alias or a default model that is not among the models', () => {
    const alias = configError({ openaiCompatible: { ...ollama, modelAliases: { 'qwen-2-72b': 'qwen2:72b' } } });
    expect(alias.field).toBe('providers[1].openaiCompatible.modelAliases.qwen-2-72b');
    expect(alias.message).toContain('"qwen2:72b" is not among "models" (qwen2.5:72b)');
    const defaultModel = configError({ openaiCompatible: { ...ollama, defaultModel: 'llama3' } });
    expect(defaultModel.field).toBe('providers[1].openaiCompatible.defaultModel');
  });

  it('checks the environment variable name and the generation settings', () => {
    expect(configError({ openaiCompatible: { ...ollama, apiKeyEnv: '$OLLAMA_API_KEY' } }).message).toContain(
      'apiKeyEnv: must be the name of an environment variable',
    );
    expect(configError({ openaiCompatible: { ...ollama, supportedSettings: ['max_tokens'] } }).field).toBe(
      'providers[1].openaiCompatible.supportedSettings[0]',
    );
  });

  it('keeps name and settings inside the openaiCompatible object', () => {
    const error = configError({ openaiCompatible: ollama, name: 'Other', settings: { baseUrl: 'http://127.0.0.1:1/v1' } });
    expect(error.field).toBe('providers[1].name');
    expect(error.message).toContain('give the provider\'s "name" inside "openaiCompatible"');
    expect(error.message).toContain('; providers[1].settings: an "openaiCompatible" entry has no "settings"');
  });

  it('refuses an entry that is both a package and an OpenAI-compatible upstream', () => {
    const error = configError({ package: 'x', openaiCompatible: ollama });
    expect(error.field).toBe('providers[1]');
    expect(error.message).toContain('give only one of');
  });

  it('explains that priority is read on openaiCompatible entries only', () => {
    const error = configError({ package: 'local-echo', priority: 2 });
    expect(error.field).toBe('providers[1].priority');
    expect(error.message).toContain('"priority" is only read on "openaiCompatible" entries');
    expect(error.message).toContain('give the other entries a lower (e.g. negative) "priority" instead');
  });
});
