import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError } from './template-error.js';

/** One file of a template: its path inside the new package (`.tmpl` removed, placeholders left in) and its text. */
export interface TemplateFile {
  path: string;
  text: string;
}

/** The suffix every template file carries, so that no tool (vitest, tsc, pnpm) takes a template for a live file. */
export const templateSuffix = '.tmpl';

/** Every file under `templates/<template>`, sorted by path. Throws `TemplateError` when the folder is missing or empty. */
export function readTemplateFiles(templatesDirectory: string, template: string): TemplateFile[] {
  const root = join(templatesDirectory, template);
  if (!existsSync(root)) throw new TemplateError(`The ${template} template is missing from ${templatesDirectory}; reinstall @switchboard/cli.`);
  const files: TemplateFile[] = [];
  const visit = (directory: string, prefix: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) visit(join(directory, entry.name), `${path}/`);
      else files.push({ path: path.endsWith(templateSuffix) ? path.slice(0, -templateSuffix.length) : path, text: readFileSync(join(directory, entry.name), 'utf8') });
    }
  };
  visit(root, '');
  if (files.length === 0) throw new TemplateError(`The ${template} template in ${templatesDirectory} has no files; reinstall @switchboard/cli.`);
  return files.sort((first, second) => first.path.localeCompare(second.path));
}
