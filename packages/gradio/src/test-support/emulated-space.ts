import { startGradioEmulator, type GradioEmulator, type GradioEmulatorOptions } from '@switchboard/testing';
import { onTestFinished } from 'vitest';
import { connectSpace, type GradioSpace, type SpaceOptions } from '../connect-space.js';
import { clearSpaceConfigCache } from '../space-config-cache.js';

/**
 * Starts a Gradio Space emulator for the running test. When the test ends the emulator is
 * closed and its config forgotten, so a later emulator on the same port is discovered afresh.
 */
export async function startTestEmulator(options: GradioEmulatorOptions = {}): Promise<GradioEmulator> {
  const emulator = await startGradioEmulator(options);
  onTestFinished(async () => {
    await emulator.close();
    clearSpaceConfigCache(emulator.url);
  });
  return emulator;
}

/** An emulator for the running test and our client connected to it; both are closed when the test ends. */
export async function connectEmulatedSpace(
  options: GradioEmulatorOptions = {},
  spaceOptions: SpaceOptions = {},
): Promise<{ emulator: GradioEmulator; space: GradioSpace }> {
  const emulator = await startTestEmulator(options);
  const space = await connectSpace(emulator.url, spaceOptions);
  onTestFinished(() => space.close());
  return { emulator, space };
}
