import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError } from './template-error.js';

/**
 * The `templates` folder of the `@switchboard/cli` package, found upwards from `from`: the
 * same from the sources (`src/new-provider/`, in tests) and from the built command
 * (`dist/main.js`). Throws `TemplateError` when no such folder is found.
 */
export function findTemplatesDirectory(from: string | URL = import.meta.url): string {
  const start = typeof from === 'string' && !from.startsWith('file:') ? from : fileURLToPath(from);
  let directory = dirname(start);
  for (;;) {
    const templates = join(directory, 'templates');
    if (existsSync(templates) && isCliPackage(directory)) return templates;
    const parent = dirname(directory);
    if (parent === directory) {
      throw new TemplateError(`No provider templates were found above ${start}; the @switchboard/cli installation is missing its templates folder, so reinstall it.`);
    }
    directory = parent;
  }
}

function isCliPackage(directory: string): boolean {
  const manifest = join(directory, 'package.json');
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === '@switchboard/cli';
}
