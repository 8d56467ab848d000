import { createServer, type AddressInfo } from 'node:net';
import type { RedisRoutingStore } from '@switchboard/redis';
import { startRedisServer, type TestRedisServer } from '@switchboard/redis/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.js';
import type { LoadedConfig } from '../config/load-config.js';
import { UsageError } from '../usage-error.js';
import { openRoutingStore, type RoutingStoreSources } from './open-routing-store.js';

const file = '/project/switchboard.config.json';

function configWith(redis: NonNullable<LoadedConfig['config']['redis']> | undefined): LoadedConfig {
  return { config: { providers: [{ package: 'p' }], ...(redis === undefined ? {} : { redis }) }, file, directory: '/project' };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `redis://127.0.0.1:${port}`;
}

async function failure(sources: RoutingStoreSources): Promise<Error> {
  try {
    await openRoutingStore(sources);
  } catch (error) {
    return error as Error;
  }
  throw new Error('openRoutingStore accepted the sources');
}

describe('openRoutingStore', () => {
  let redis: TestRedisServer;
  let nowhere: string;
  const opened: RedisRoutingStore[] = [];
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(`info: ${line}`), warn: (line: string) => lines.push(`warn: ${line}`) };

  beforeAll(async () => {
    redis = await startRedisServer();
    nowhere = await closedPortUrl();
  });
  afterEach(async () => {
    lines.length = 0;
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(() => redis.stop());

  async function open(sources: Omit<RoutingStoreSources, 'logger'>): Promise<RedisRoutingStore> {
    const store = await openRoutingStore({ ...sources, logger });
    if (store === undefined) throw new Error('no store was opened');
    opened.push(store);
    return store;
  }

  it('opens none when neither --redis, the environment nor the configuration names a Redis', async () => {
    expect(await openRoutingStore({ env: { SWITCHBOARD_REDIS_URL: ' ' }, config: configWith(undefined), logger })).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('takes --redis over SWITCHBOARD_REDIS_URL, and that over redis.url, and returns once connected', async () => {
    const fromFlag = await open({ flag: redis.url, env: { SWITCHBOARD_REDIS_URL: nowhere }, config: configWith({ url: nowhere }) });
    expect(fromFlag.status()).toMatchObject({ kind: 'redis', shared: true, connected: true });
    const fromEnvironment = await open({ env: { SWITCHBOARD_REDIS_URL: redis.url }, config: configWith({ url: nowhere }) });
    expect(fromEnvironment.status().connected).toBe(true);
    const fromConfig = await open({ env: {}, config: configWith({ url: redis.url }) });
    expect(fromConfig.status().connected).toBe(true);
    expect(lines).toEqual(Array.from({ length: 3 }, () => `info: Switchboard routing store: sharing routing state through Redis at ${redis.url}.`));
  });

  it('starts on local state, with one warning, when the Redis cannot be reached', async () => {
    const startedAt = Date.now();
    const store = await open({ flag: nowhere, env: {} });
    expect(Date.now() - startedAt).toBeLessThan(2_500);
    expect(store.status()).toMatchObject({ connected: false, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^warn: Switchboard routing store: Redis at ${nowhere.replaceAll('.', '\\.')} is unreachable`))]);
  });

  it('uses the prefix and the operation timeout of the configuration', async () => {
    const store = await open({ flag: redis.url, env: {}, config: configWith({ prefix: 'configured:', operationTimeoutMs: 300 }) });
    await store.setOverride('SomeProvider', false);
    expect(await redis.keys()).toEqual(['configured:override:SomeProvider']);
    redis.pause();
    try {
      const startedAt = Date.now();
      await store.refresh(['SomeProvider']);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
    } finally {
      redis.resume();
    }
  });

  it('names the source of a URL that is not a Redis URL', async () => {
    const flag = await failure({ flag: 'http://127.0.0.1:6379', env: {}, logger });
    expect(UsageError.isInstance(flag)).toBe(true);
    expect(flag.message).toBe('--redis: url must start with redis:// or rediss://; got "http://".');
    const environment = await failure({ env: { SWITCHBOARD_REDIS_URL: 'not a url' }, logger });
    expect(UsageError.isInstance(environment)).toBe(true);
    expect(environment.message).toMatch(/^SWITCHBOARD_REDIS_URL: url must look like redis:\/\/host:6379/);
  });

  it('refuses a redis section when no Redis URL is given anywhere', async () => {
    const error = await failure({ env: {}, config: configWith({ prefix: 'team-a:' }), logger });
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'redis', file });
    expect(error.message).toContain('no Redis URL; give "url" here, --redis URL, or SWITCHBOARD_REDIS_URL');
  });
});
