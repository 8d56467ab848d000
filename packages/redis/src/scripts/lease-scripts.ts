/** Lua prelude: `now` in Redis server time (ms) and `int`, which formats a number without an exponent. */
export const redisNow = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function int(value) return string.format('%d', value) end
`;

/**
 * Takes a concurrency slot. KEYS: leases. ARGV: limit, lease TTL (ms), lease id. Drops
 * expired leases first (their holder stopped refreshing them: it died or lost Redis), then
 * adds this one if fewer than `limit` remain. Times are Redis server time, so the clocks of
 * the gateway hosts do not matter. Returns `{granted (1/0), leases now held}`.
 */
export const acquireLeaseScript = `${redisNow}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', int(now))
local held = redis.call('ZCARD', KEYS[1])
if held >= tonumber(ARGV[1]) then return { 0, held } end
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], int(now + ttl), ARGV[3])
redis.call('PEXPIRE', KEYS[1], int(ttl * 2))
return { 1, held + 1 }
`;

/**
 * Extends this process's leases on one provider. KEYS: leases. ARGV: lease TTL (ms), then
 * the lease ids. A lease that expired meanwhile (Redis was away longer than the TTL) is
 * taken again: its request is still running. Returns the leases now held.
 */
export const refreshLeasesScript = `${redisNow}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', int(now))
local ttl = tonumber(ARGV[1])
for index = 2, #ARGV do redis.call('ZADD', KEYS[1], int(now + ttl), ARGV[index]) end
redis.call('PEXPIRE', KEYS[1], int(ttl * 2))
return redis.call('ZCARD', KEYS[1])
`;

/** Frees a slot. KEYS: leases. ARGV: lease id. Returns the live leases left. */
export const releaseLeaseScript = `${redisNow}
redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('ZCOUNT', KEYS[1], '(' .. int(now), '+inf')
`;
