import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { parseConfig } from './load-config.js';

const providers = [{ package: '@switchboard/provider-qwen2-72b' }];

function refusal(config: object): ConfigError {
  try {
    parseConfig(JSON.stringify(config), 'switchboard.config.json');
  } catch (error) {
    if (ConfigError.isInstance(error)) return error as ConfigError;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration of shared routing', () => {
  it('accepts concurrency limits by provider name (0 lifts one) and a redis section', () => {
    const config = parseConfig(
      JSON.stringify({
        providers,
        routing: { maxConcurrency: { Qwen_Qwen_2_72B: 4, LocalOllama: 0 } },
        redis: { url: 'rediss://user:secret@redis.internal:6380/2', prefix: 'team-a:', operationTimeoutMs: 100 },
      }),
      'switchboard.config.json',
    );
    expect(config.routing?.maxConcurrency).toEqual({ Qwen_Qwen_2_72B: 4, LocalOllama: 0 });
    expect(config.redis).toEqual({ url: 'rediss://user:secret@redis.internal:6380/2', prefix: 'team-a:', operationTimeoutMs: 100 });
  });

  it('refuses a concurrency limit that is not a whole number of at least 0, naming the provider', () => {
    expect(refusal({ providers, routing: { maxConcurrency: { Qwen_Qwen_2_72B: -1 } } }).field).toBe('routing.maxConcurrency.Qwen_Qwen_2_72B');
    expect(refusal({ providers, routing: { maxConcurrency: { Qwen_Qwen_2_72B: 1.5 } } }).field).toBe('routing.maxConcurrency.Qwen_Qwen_2_72B');
  });

  it('refuses a URL that is not a Redis URL, an unknown key and an empty prefix in the redis section', () => {
    const url = refusal({ providers, redis: { url: 'http://redis.internal:6379' } });
    expect(url.field).toBe('redis.url');
    expect(url.message).toContain('give a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS)');
    expect(refusal({ providers, redis: { url: 'redis://127.0.0.1:6379', host: 'x' } }).message).toContain('"host"');
    expect(refusal({ providers, redis: { prefix: '' } }).field).toBe('redis.prefix');
    expect(refusal({ providers, redis: { operationTimeoutMs: 0 } }).field).toBe('redis.operationTimeoutMs');
  });
});
