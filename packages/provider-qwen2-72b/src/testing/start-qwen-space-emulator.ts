import { EmulatorPool, startGradioEmulator, type GradioEmulator, type GradioEmulatorOptions } from '@switchboard/gradio-emulator';
import { qwenSpaceApp, type QwenSpaceAppOptions } from './qwen-space-app.js';

/** Options of {@link startQwenSpaceEmulator}: the emulator's (version, queue, faults, ...) and the app's. */
export type QwenSpaceEmulatorOptions = Omit<GradioEmulatorOptions, 'app'> & QwenSpaceAppOptions;

/**
 * Starts a Gradio emulator on 127.0.0.1 serving {@link qwenSpaceApp}: point the provider's
 * `baseUrl` at its `url`. It impersonates Gradio 4.36, as the Space runs, unless `version`
 * says otherwise.
 */
export function startQwenSpaceEmulator(options: QwenSpaceEmulatorOptions = {}): Promise<GradioEmulator> {
  const { answer, tokenSize, tokens, tidyWhitespace, rewriteHistory, ...emulatorOptions } = options;
  return startGradioEmulator({ ...emulatorOptions, app: qwenSpaceApp({ answer, tokenSize, tokens, tidyWhitespace, rewriteHistory }) });
}

/**
 * The Qwen Space emulators a test file started, so that one call closes them all, e.g.
 * `const emulators = new QwenSpaceEmulatorPool(); afterEach(() => emulators.closeAll());`.
 */
export class QwenSpaceEmulatorPool extends EmulatorPool<QwenSpaceEmulatorOptions> {
  constructor() {
    super(startQwenSpaceEmulator);
  }
}
