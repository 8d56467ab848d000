import type { GradioEmulator, GradioEmulatorOptions } from './emulator-options.js';
import { startGradioEmulator } from './start-gradio-emulator.js';

/**
 * The emulators a test file started, so that one call closes them all, e.g.
 * `const emulators = new EmulatorPool(); afterEach(() => emulators.closeAll());`.
 * `startEmulator` starts one; pass a function that fills in an app to start with that app's
 * own options.
 */
export class EmulatorPool<Options = GradioEmulatorOptions> {
  readonly #running: GradioEmulator[] = [];
  readonly #startEmulator: (options: Options) => Promise<GradioEmulator>;

  constructor(startEmulator?: (options: Options) => Promise<GradioEmulator>) {
    this.#startEmulator = startEmulator ?? (startGradioEmulator as unknown as (options: Options) => Promise<GradioEmulator>);
  }

  /** Starts an emulator that the next `closeAll()` will close. */
  async start(options: Options): Promise<GradioEmulator> {
    const emulator = await this.#startEmulator(options);
    this.#running.push(emulator);
    return emulator;
  }

  /** Closes every emulator started since the last call. */
  async closeAll(): Promise<void> {
    await Promise.all(this.#running.splice(0).map((emulator) => emulator.close()));
  }
}
