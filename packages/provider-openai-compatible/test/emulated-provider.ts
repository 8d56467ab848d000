import { startOpenAIEmulator, type OpenAIEmulator, type OpenAIEmulatorOptions } from '@switchboard/testing';
import { createOpenAICompatibleProvider } from '../src/create-openai-compatible-provider.js';
import type { OpenAICompatibleProviderOptions } from '../src/define-openai-compatible-provider.js';
import type { OpenAICompatibleProvider } from '../src/openai-compatible-provider.js';

/** An emulator and a provider pointed at it. */
export interface EmulatedUpstream {
  emulator: OpenAIEmulator;
  provider: OpenAICompatibleProvider;
}

/** Starts emulators and providers for one test file; `closeAll()` in `afterEach` releases them. */
export class EmulatedUpstreams {
  readonly #started: EmulatedUpstream[] = [];

  /** An emulator with `options`, and a provider named `Emulated` serving `emulated-model` (alias `emu`). */
  async start(
    options: OpenAIEmulatorOptions = {},
    providerOptions: Partial<OpenAICompatibleProviderOptions> = {},
  ): Promise<EmulatedUpstream> {
    const emulator = await startOpenAIEmulator(options);
    const provider = createOpenAICompatibleProvider({
      name: 'Emulated',
      baseUrl: emulator.baseUrl,
      models: ['emulated-model'],
      modelAliases: { emu: 'emulated-model' },
      ...providerOptions,
    });
    const started = { emulator, provider };
    this.#started.push(started);
    return started;
  }

  async closeAll(): Promise<void> {
    const started = this.#started.splice(0);
    await Promise.all(started.map(async ({ emulator, provider }) => Promise.all([emulator.close(), provider.close()])));
  }
}
