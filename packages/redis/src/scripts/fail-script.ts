import { luaHelpers } from './lua-helpers.js';

/**
 * An admitted attempt failed. KEYS: circuit. ARGV: now (caller clock), trial (`1`/`0`),
 * failure threshold, cool-down, key TTL (ms). The threshold of consecutive failures,
 * counted across every process, or a failed trial opens the circuit; its deadline is the
 * later of the one already set and now + cool-down, never an earlier one.
 */
export const failScript = `${luaHelpers}
local circuit = redis.call('HMGET', KEYS[1], 'state', 'failures', 'openUntil')
local state = circuit[1] or 'closed'
local failures = tonumber(circuit[2] or '0') + 1
local openUntil = tonumber(circuit[3] or '0')
local trial = ARGV[2] == '1'
redis.call('HSET', KEYS[1], 'failures', int(failures))
if trial then redis.call('HSET', KEYS[1], 'trialUntil', '0') end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
local tripped = state == 'closed' and failures >= tonumber(ARGV[3])
if not trial and not tripped then return reply('none', 0, state, failures, openUntil, '') end
openUntil = math.max(openUntil, tonumber(ARGV[1]) + tonumber(ARGV[4]))
redis.call('HSET', KEYS[1], 'state', 'open', 'openUntil', int(openUntil))
return reply('opened', 0, 'open', failures, openUntil, '')
`;
