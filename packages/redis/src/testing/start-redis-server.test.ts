import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRedisCommand, startRedisServer, type TestRedisServer } from './index.js';

describe('startRedisServer', () => {
  let redis: TestRedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis.stop());

  it('answers commands on its loopback port and lists keys by pattern', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await sendRedisCommand(redis.port, ['SET', 'test:one', 'first value'])).toBe('OK');
    expect(await sendRedisCommand(redis.port, ['RPUSH', 'other:list', 'a', 'bé'])).toBe(2);
    expect(await sendRedisCommand(redis.port, ['LRANGE', 'other:list', '0', '-1'])).toEqual(['a', 'bé']);
    expect(await sendRedisCommand(redis.port, ['GET', 'missing'])).toBeNull();
    await expect(sendRedisCommand(redis.port, ['INCR', 'test:one'])).rejects.toThrow(/Redis answered an error: ERR/);
    expect(await redis.keys('test:*')).toEqual(['test:one']);
    expect(await redis.keys()).toEqual(['other:list', 'test:one']);
  });

  it('stops, refusing connections, and starts again empty on the same port', async () => {
    await sendRedisCommand(redis.port, ['SET', 'kept', '1']);
    await redis.stop();
    await expect(sendRedisCommand(redis.port, ['PING'])).rejects.toThrow(/ECONNREFUSED/);
    await redis.start();
    expect(await sendRedisCommand(redis.port, ['PING'])).toBe('PONG');
    expect(await redis.keys()).toEqual([]);
  });

  it('answers nothing while paused and again once resumed', async () => {
    redis.pause();
    try {
      await expect(sendRedisCommand(redis.port, ['PING'], 200)).rejects.toThrow(/no whole reply to PING within 200 ms/);
    } finally {
      redis.resume();
    }
    expect(await sendRedisCommand(redis.port, ['PING'])).toBe('PONG');
  });
});
