import { clearSpaceConfigCache, connectSpace, type GradioSpace, type SpaceOptions } from '@switchboard/gradio';
import { onTestFinished } from 'vitest';
import type { GradioEmulator } from '../src/index.js';
import { startChatTestEmulator, type ChatTestEmulatorOptions } from './chat-test-app.js';

/**
 * Starts an emulator serving the chat test app for the running test. When the test ends the
 * emulator is closed and its config forgotten, so a later emulator on the same port is
 * discovered afresh.
 */
export async function startTestEmulator(options: ChatTestEmulatorOptions = {}): Promise<GradioEmulator> {
  const emulator = await startChatTestEmulator(options);
  onTestFinished(async () => {
    await emulator.close();
    clearSpaceConfigCache(emulator.url);
  });
  return emulator;
}

/** An emulator for the running test and our client connected to it; both are closed when the test ends. */
export async function connectEmulatedSpace(
  options: ChatTestEmulatorOptions = {},
  spaceOptions: SpaceOptions = {},
): Promise<{ emulator: GradioEmulator; space: GradioSpace }> {
  const emulator = await startTestEmulator(options);
  const space = await connectSpace(emulator.url, spaceOptions);
  onTestFinished(() => space.close());
  return { emulator, space };
}
