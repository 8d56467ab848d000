import { createClient } from 'redis';

/** Every key in the Redis at `url` with its value as text (hashes and sorted sets as JSON). */
export async function dumpRedis(url: string): Promise<Map<string, string>> {
  const client = createClient({ url });
  await client.connect();
  try {
    const dump = new Map<string, string>();
    for await (const batch of client.scanIterator({ MATCH: '*' })) {
      for (const key of batch) dump.set(key, await valueOf(key));
    }
    return dump;
  } finally {
    client.destroy();
  }

  async function valueOf(key: string): Promise<string> {
    const type = await client.type(key);
    if (type === 'string') return String(await client.get(key));
    if (type === 'hash') return JSON.stringify(await client.hGetAll(key));
    if (type === 'zset') return JSON.stringify(await client.zRangeWithScores(key, 0, -1));
    if (type === 'list') return JSON.stringify(await client.lRange(key, 0, -1));
    if (type === 'set') return JSON.stringify(await client.sMembers(key));
    return `<${type}>`;
  }
}
