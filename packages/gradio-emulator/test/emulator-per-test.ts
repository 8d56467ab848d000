import { afterEach } from 'vitest';
import { EmulatorPool, type GradioEmulator } from '../src/index.js';
import { startChatTestEmulator, type ChatTestEmulatorOptions } from './chat-test-app.js';

/** Emulators of the chat test app for a test file: each test's are closed after it, `current` is the last one started. */
export interface EmulatorsPerTest {
  start(options?: ChatTestEmulatorOptions): Promise<GradioEmulator>;
  readonly current: GradioEmulator;
}

/** Call at the top level of a test file. */
export function emulatorsPerTest(): EmulatorsPerTest {
  const pool = new EmulatorPool(startChatTestEmulator);
  let current: GradioEmulator | undefined;
  afterEach(async () => {
    current = undefined;
    await pool.closeAll();
  });
  return {
    async start(options = {}) {
      current = await pool.start(options);
      return current;
    },
    get current() {
      if (current === undefined) throw new Error('no emulator was started in this test');
      return current;
    },
  };
}
