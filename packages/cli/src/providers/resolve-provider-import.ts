import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolve as resolveSpecifier } from 'import-meta-resolve';
import type { ProviderEntry } from '../config/config-schema.js';

/** Where one provider entry's code lives, and how to name it in messages. */
export interface ProviderImport {
  /** The URL to `import()`. */
  url: string;
  /** The package name or module path, as written. */
  label: string;
}

/**
 * Finds the code a provider entry names. A `package` resolves from `cwd` first (the
 * project's own node_modules), then from the command's own dependencies; a `module` is a
 * file path relative to `configDirectory`. Throws the resolution error when neither finds it.
 */
export function resolveProviderImport(entry: ProviderEntry, cwd: string, configDirectory: string): ProviderImport {
  if (entry.module !== undefined) {
    return { url: pathToFileURL(resolvePath(configDirectory, entry.module)).href, label: entry.module };
  }
  const specifier = entry.package!;
  const fromProject = pathToFileURL(join(cwd, 'switchboard.config.json')).href;
  try {
    return { url: resolveSpecifier(specifier, fromProject), label: specifier };
  } catch (projectError) {
    if (!isNotFound(projectError)) throw projectError;
    try {
      return { url: resolveSpecifier(specifier, import.meta.url), label: specifier };
    } catch (ownError) {
      throw isNotFound(ownError) ? projectError : ownError;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND';
}
