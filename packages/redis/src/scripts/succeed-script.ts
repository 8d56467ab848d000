import { luaHelpers } from './lua-helpers.js';

/**
 * An admitted attempt succeeded. KEYS: circuit. ARGV: trial (`1`/`0`), key TTL (ms).
 * Failures reset; a circuit that is not closed closes for everyone. Writes nothing when
 * the circuit is already closed with no failures, the common case.
 */
export const succeedScript = `${luaHelpers}
local circuit = redis.call('HMGET', KEYS[1], 'state', 'failures', 'openUntil')
local state = circuit[1] or 'closed'
local failures = tonumber(circuit[2] or '0')
local openUntil = tonumber(circuit[3] or '0')
if state == 'closed' and failures == 0 then return reply('none', 0, state, 0, openUntil, '') end
redis.call('HSET', KEYS[1], 'state', 'closed', 'failures', '0')
if ARGV[1] == '1' then redis.call('HSET', KEYS[1], 'trialUntil', '0') end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if state == 'closed' then return reply('none', 0, 'closed', 0, openUntil, '') end
return reply('closed', 0, 'closed', 0, openUntil, '')
`;
