/** A trial ended without an outcome (caller abort): the next request may try. KEYS: circuit. */
export const releaseTrialScript = `
if redis.call('HGET', KEYS[1], 'state') == 'half-open' then redis.call('HSET', KEYS[1], 'trialUntil', '0') end
return 1
`;
