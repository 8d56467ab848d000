/** The Redis keys of one provider's shared routing state, under a prefix. */
export interface ProviderKeys {
  /** Hash: `state`, `failures`, `openUntil`, `trialUntil`. */
  circuit: string;
  /** String `1` or `0`: the `setWorking()` override, absent when none. */
  override: string;
  /** Sorted set: concurrency lease ids scored by their expiry (Redis server time, ms). */
  leases: string;
}

/** Keys of `provider` under `prefix` (e.g. `switchboard:circuit:Qwen_Qwen_2_72B`). */
export function providerKeys(prefix: string, provider: string): ProviderKeys {
  return {
    circuit: `${prefix}circuit:${provider}`,
    override: `${prefix}override:${provider}`,
    leases: `${prefix}leases:${provider}`,
  };
}
