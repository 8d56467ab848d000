import { ProviderRegistrationError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { defaultMaxEventBytes, resolveOpenAICompatibleSettings } from './openai-compatible-settings.js';

describe('resolveOpenAICompatibleSettings', () => {
  it('falls back to the metadata URL, trims trailing slashes and fills the defaults', () => {
    expect(resolveOpenAICompatibleSettings({}, 'http://127.0.0.1:11434/v1/', {})).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: undefined,
      includeUsage: true,
      maxEventBytes: defaultMaxEventBytes,
    });
  });

  it('reads the key from the variable named by apiKeyEnv, unless a key is given', () => {
    const environment = { ROUTER_KEY: ' sk-env ' };
    expect(resolveOpenAICompatibleSettings({ apiKeyEnv: 'ROUTER_KEY' }, 'http://x/v1', environment).apiKey).toBe('sk-env');
    expect(resolveOpenAICompatibleSettings({ apiKeyEnv: 'ROUTER_KEY', apiKey: 'sk-given' }, 'http://x/v1', environment).apiKey).toBe('sk-given');
    expect(resolveOpenAICompatibleSettings({ apiKeyEnv: 'MISSING_KEY' }, 'http://x/v1', environment).apiKey).toBeUndefined();
  });

  it('lets settings win over the fallback URL', () => {
    expect(resolveOpenAICompatibleSettings({ baseUrl: 'https://openrouter.ai/api/v1' }, 'http://x/v1', {}).baseUrl).toBe(
      'https://openrouter.ai/api/v1',
    );
  });

  it.each([
    [{ baseUrl: '127.0.0.1:11434/v1' }, 'is not an http(s) URL'],
    [{ baseUrl: 'ftp://host/v1' }, 'is not an http(s) URL'],
    [{ maxEventBytes: 0 }, '"maxEventBytes" must be a positive integer'],
  ])('refuses %o', (settings, message) => {
    expect(() => resolveOpenAICompatibleSettings(settings, 'http://x/v1', {})).toThrow(ProviderRegistrationError);
    expect(() => resolveOpenAICompatibleSettings(settings, 'http://x/v1', {})).toThrow(message);
  });
});
