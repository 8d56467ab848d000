import { luaHelpers } from './lua-helpers.js';

/**
 * May an attempt go to the provider? KEYS: circuit, override. ARGV: now (caller clock),
 * declared working (`1`/`0`), trial claim time-to-live, key time-to-live (ms). A
 * half-open circuit (cool-down over) admits one trial, claimed until now + trial TTL so
 * that a process dying mid-trial does not block the provider for good.
 */
export const enterScript = `${luaHelpers}
local override = redis.call('GET', KEYS[2])
local circuit = redis.call('HMGET', KEYS[1], 'state', 'failures', 'openUntil', 'trialUntil')
local state = circuit[1] or 'closed'
local failures = tonumber(circuit[2] or '0')
local openUntil = tonumber(circuit[3] or '0')
local trialUntil = tonumber(circuit[4] or '0')
local now = tonumber(ARGV[1])
if override == '0' then return reply('disabled', 0, state, failures, openUntil, override) end
if override == '1' then return reply('admitted', 0, state, failures, openUntil, override) end
if ARGV[2] ~= '1' then return reply('not-working', 0, state, failures, openUntil, override) end
if state == 'closed' then return reply('admitted', 0, state, failures, openUntil, override) end
if state == 'open' and now < openUntil then return reply('circuit-open', 0, state, failures, openUntil, override) end
if state == 'half-open' and now < trialUntil then return reply('trial-in-progress', 0, state, failures, openUntil, override) end
redis.call('HSET', KEYS[1], 'state', 'half-open', 'trialUntil', int(now + tonumber(ARGV[3])))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return reply('admitted', 1, 'half-open', failures, openUntil, override)
`;
