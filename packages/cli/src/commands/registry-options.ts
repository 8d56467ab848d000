import { Option } from 'commander';
import { defaultConfigFileName } from '../config/load-config.js';

/** The options every command that loads providers accepts. */
export interface RegistryCommandOptions {
  config?: string;
  emulator?: boolean;
}

/** `--config FILE`: which providers to load. */
export function configOption(): Option {
  return new Option('-c, --config <file>', `configuration file (default: ./${defaultConfigFileName} when present)`);
}

/** `--emulator`: serve the Qwen provider from the built-in Space emulator. */
export function emulatorOption(): Option {
  return new Option('--emulator', 'answer the Qwen2-72B models from a built-in Gradio Space emulator on 127.0.0.1 (offline)');
}
