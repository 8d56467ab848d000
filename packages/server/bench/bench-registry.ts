import { createRegistry, type ProviderRegistry } from '@switchboard/core';
import { defineOpenAICompatibleProvider } from '@switchboard/provider-openai-compatible';
import { Qwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';

/** Which upstream a bench registry serves. */
export type BenchUpstream = 'qwen' | 'openai';

/** The model names the bench asks for, by upstream. */
export const benchModels: Readonly<Record<BenchUpstream, string>> = { qwen: 'qwen-2-72b', openai: 'emulated-model' };

/**
 * A fresh registry with one provider: the real Qwen2-72B provider pointed at the emulated
 * Space at `url`, or an OpenAI-compatible provider for the emulator whose API base is `url`.
 */
export function benchRegistry(upstream: BenchUpstream, url: string): ProviderRegistry {
  const registry = createRegistry();
  if (upstream === 'qwen') {
    registry.register(Qwen2_72BProvider, qwen2_72bMetadata, { settings: { baseUrl: url } });
  } else {
    const { providerClass, metadata } = defineOpenAICompatibleProvider({ name: 'bench-openai', baseUrl: url, models: [benchModels.openai] });
    registry.register(providerClass, metadata);
  }
  return registry;
}
