import { TemplateError } from './template-error.js';

const placeholderPattern = /__([A-Za-z][A-Za-z0-9_]*?)__/g;

/**
 * Replaces every `__key__` placeholder in `text` (a template file's content or path) with
 * `values[key]`. Throws `TemplateError` naming `source` when the text holds a placeholder
 * that `values` has no value for, so a template can never ship one unreplaced.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>, source = 'the template'): string {
  const keys = Object.keys(values).sort((first, second) => second.length - first.length);
  if (keys.length === 0) return checked(text, values, source);
  const known = new RegExp(`__(${keys.map(escapeForPattern).join('|')})__`, 'g');
  return checked(
    text.replace(known, (_placeholder, key: string) => values[key]!),
    values,
    source,
  );
}

function checked(rendered: string, values: Readonly<Record<string, string>>, source: string): string {
  const unknown = [...new Set(Array.from(rendered.matchAll(placeholderPattern), (match) => match[0]))];
  if (unknown.length > 0) {
    const placeholders = Object.keys(values).map((key) => `__${key}__`).join(', ');
    throw new TemplateError(`${source} has the unknown placeholder${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; the placeholders are ${placeholders}.`);
  }
  return rendered;
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
