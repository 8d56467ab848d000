import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { configSchema, type SwitchboardConfig } from './config-schema.js';

/** The file name looked for in the current directory when no `--config` is given. */
export const defaultConfigFileName = 'switchboard.config.json';

/** A configuration file, validated, with where it came from. */
export interface LoadedConfig {
  config: SwitchboardConfig;
  /** Absolute path of the file. */
  file: string;
  /** Its directory: module paths in the file are relative to it. */
  directory: string;
}

/**
 * Reads and validates the configuration: `explicitPath` (relative to `cwd`) when given,
 * else `switchboard.config.json` in `cwd` if it exists, else `undefined`.
 * Throws `ConfigError` naming the file and the field at fault.
 */
export async function loadConfig(explicitPath: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  const file = resolve(cwd, explicitPath ?? defaultConfigFileName);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (explicitPath === undefined && code === 'ENOENT') return undefined;
    const reason = code === 'ENOENT' ? 'no such file; check the --config path' : (error as Error).message;
    throw new ConfigError(`cannot read the configuration file: ${reason}`, { file, cause: error });
  }
  return { config: parseConfig(text, file), file, directory: dirname(file) };
}

/** Parses and validates configuration text; `file` is only used in error messages. */
export function parseConfig(text: string, file: string): SwitchboardConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`not valid JSON (${(error as Error).message})`, { file, cause: error });
  }
  const result = configSchema.safeParse(json);
  if (result.success) return result.data;
  const [first, ...others] = result.error.issues;
  const field = fieldPath(first!.path);
  const more = others.map((issue) => `; ${fieldPath(issue.path) || '(top level)'}: ${issue.message}`).join('');
  throw new ConfigError(`${first!.message}${more}`, { file, field: field || '(top level)' });
}

function fieldPath(path: z.core.$ZodIssue['path']): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
