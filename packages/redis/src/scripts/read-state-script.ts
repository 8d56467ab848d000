import { redisNow } from './lease-scripts.js';

/**
 * Reads providers' shared state. KEYS: circuit, override and leases of each provider in
 * turn. Returns, per provider: state, failures, openUntil, override, live leases.
 */
export const readStateScript = `${redisNow}
local result = {}
for index = 1, #KEYS, 3 do
  local circuit = redis.call('HMGET', KEYS[index], 'state', 'failures', 'openUntil')
  table.insert(result, circuit[1] or 'closed')
  table.insert(result, circuit[2] or '0')
  table.insert(result, circuit[3] or '0')
  table.insert(result, redis.call('GET', KEYS[index + 1]) or '')
  table.insert(result, redis.call('ZCOUNT', KEYS[index + 2], '(' .. int(now), '+inf'))
end
return result
`;
