/**
 * The one place the server's tests import upstream emulators and real providers from, so
 * moving them to other packages changes this file only.
 */
import type { ProviderMetadata, ProviderRegistry } from '@switchboard/core';
import type { GradioEmulator } from '@switchboard/gradio-emulator';
import { Qwen2_72BProvider, qwen2_72bMetadata } from '@switchboard/provider-qwen2-72b';
import { QwenSpaceEmulatorPool, type QwenSpaceEmulatorOptions } from '@switchboard/provider-qwen2-72b/testing';

export type { GradioEmulator };
/** Options of an emulated Qwen Space: Gradio version, queue, faults, and the answer. */
export type QwenSpaceOptions = QwenSpaceEmulatorOptions;

/** The Qwen Space's model alias. */
export const qwenAlias = 'qwen-2-72b';

/** Emulated Qwen2-72B Spaces on loopback; call `closeAll()` after each test. */
export class QwenSpaces {
  readonly #pool = new QwenSpaceEmulatorPool();

  start(options: QwenSpaceOptions = {}): Promise<GradioEmulator> {
    return this.#pool.start(options);
  }

  closeAll(): Promise<void> {
    return this.#pool.closeAll();
  }
}

/** Registers the real Qwen2-72B provider, pointed at an emulated Space, in `registry`. */
export function registerQwenSpace(
  registry: ProviderRegistry,
  emulator: GradioEmulator,
  metadata: Partial<ProviderMetadata> = {},
): string {
  const name = metadata.name ?? qwen2_72bMetadata.name;
  registry.register(Qwen2_72BProvider, { ...qwen2_72bMetadata, ...metadata, name }, { settings: { baseUrl: emulator.url } });
  return name;
}

/** The `queue/join` requests an emulated Space received. */
export function joinRequests(emulator: GradioEmulator) {
  return emulator.requests.filter((request) => request.path.endsWith('/queue/join'));
}
