import { SwitchboardError, type SwitchboardErrorOptions } from '@switchboard/core';

/** Options of {@link ConfigError}. */
export interface ConfigErrorOptions extends SwitchboardErrorOptions {
  /** The configuration file at fault, when there is one. */
  file?: string;
  /** Path of the field at fault, e.g. `providers[1].package`. */
  field?: string;
}

/**
 * The configuration cannot be used: the file is missing or not JSON, a field is invalid,
 * or a provider it names cannot be loaded. The message names the file and the field.
 */
export class ConfigError extends SwitchboardError {
  static override readonly code = 'CONFIG_INVALID';
  readonly file?: string;
  readonly field?: string;

  constructor(message: string, options: ConfigErrorOptions = {}) {
    const where = [options.file, options.field].filter((part) => part !== undefined && part !== '').join(': ');
    super(where === '' ? message : `${where}: ${message}`, options);
    this.file = options.file;
    this.field = options.field;
  }
}
