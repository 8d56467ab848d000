/**
 * The one place this package's tests import upstream emulators and real providers from, so
 * that moving them to other packages changes this file only.
 */
import type { ProviderMetadata, ProviderRegistry } from '@switchboard/core';
import { Qwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';
import { QwenSpaceEmulatorPool, type QwenSpaceEmulatorOptions } from '@switchboard/provider-qwen2-72b/testing';
import { startOpenAIEmulator, type OpenAIEmulator, type OpenAIEmulatorFault, type OpenAIEmulatorOptions } from '@switchboard/testing';

/** A running emulated Space. */
export type GradioEmulator = Awaited<ReturnType<QwenSpaceEmulatorPool['start']>>;

export type { OpenAIEmulator, OpenAIEmulatorFault, OpenAIEmulatorOptions, QwenSpaceEmulatorOptions };

/** Starts an OpenAI-compatible emulator on 127.0.0.1; the caller closes it. */
export const startOpenAIUpstream: (options?: OpenAIEmulatorOptions) => Promise<OpenAIEmulator> = startOpenAIEmulator;

/** The Qwen Space's model alias, and the canonical id it resolves to. */
export const qwenAlias = 'qwen-2-72b';
export const qwenModel = qwen2_72bMetadata.defaultModel;

/** Emulated Qwen2-72B Spaces on loopback; call `closeAll()` after each test. */
export class QwenSpaces {
  readonly #pool = new QwenSpaceEmulatorPool();

  start(options: QwenSpaceEmulatorOptions = {}): Promise<GradioEmulator> {
    return this.#pool.start(options);
  }

  closeAll(): Promise<void> {
    return this.#pool.closeAll();
  }
}

/** Registers the real Qwen2-72B provider in `registry`, pointed at an emulated Space; returns its name. */
export function registerQwenSpace(registry: ProviderRegistry, space: GradioEmulator, metadata: Partial<ProviderMetadata> = {}): string {
  const name = metadata.name ?? qwen2_72bMetadata.name;
  registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, ...metadata, name }, { settings: { baseUrl: space.url } });
  return name;
}

/** The `queue/join` requests an emulated Space received. */
export function joinRequests(space: GradioEmulator) {
  return space.requests.filter((request) => request.path.endsWith('/queue/join'));
}
