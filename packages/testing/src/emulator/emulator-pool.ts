import type { GradioEmulator, GradioEmulatorOptions } from './emulator-options.js';
import { startGradioEmulator } from './start-gradio-emulator.js';

/**
 * The emulators a test file started, so one call closes them all, e.g.
 * `const emulators = new EmulatorPool(); afterEach(() => emulators.closeAll());`.
 */
export class EmulatorPool {
  readonly #running: GradioEmulator[] = [];

  /** Starts an emulator that the next `closeAll()` will close. */
  async start(options: GradioEmulatorOptions = {}): Promise<GradioEmulator> {
    const emulator = await startGradioEmulator(options);
    this.#running.push(emulator);
    return emulator;
  }

  /** Closes every emulator started since the last call. */
  async closeAll(): Promise<void> {
    await Promise.all(this.#running.splice(0).map((emulator) => emulator.close()));
  }
}
