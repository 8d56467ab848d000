// @ts-check
import { isRelativeSpecifier, resolveRelative } from './resolve-specifier.mjs';

/** @typedef {import('./lint-types.js').ParsedModule} ParsedModule */

/**
 * Follows re-exports (`export * from`, `export { x } from`, `export { x }` of an import)
 * from `file` to the file that declares the export `name`. Returns undefined when the
 * name cannot be traced to a file of the same package.
 *
 * @param {string} file absolute path of a module
 * @param {string} name an exported name
 * @param {(file: string) => ParsedModule | undefined} readModule
 * @param {Set<string>} [seen] guards against re-export loops
 * @returns {string | undefined}
 */
export function findDeclaringFile(file, name, readModule, seen = new Set()) {
  const key = `${file}\0${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const parsed = readModule(file);
  if (parsed === undefined) return undefined;
  /** @param {string} specifier */
  const follow = (specifier) => (isRelativeSpecifier(specifier) ? resolveRelative(file, specifier).file : undefined);

  for (const record of parsed.exports) {
    if (record.kind === 'declared' && record.name === name) return file;
    if (record.kind === 'local' && record.exported === name) {
      const binding = parsed.importBindings.get(record.local);
      if (binding === undefined) return file;
      const target = follow(binding.specifier);
      if (target === undefined || binding.imported === '*') return target;
      return findDeclaringFile(target, binding.imported, readModule, seen);
    }
    if (record.kind === 're-export' && record.exported === name) {
      const target = follow(record.specifier);
      if (target === undefined || record.imported === '*') return target;
      return findDeclaringFile(target, record.imported, readModule, seen);
    }
  }
  if (name === 'default') return undefined;
  for (const record of parsed.exports) {
    if (record.kind !== 're-export' || record.exported !== '*') continue;
    const target = follow(record.specifier);
    const found = target === undefined ? undefined : findDeclaringFile(target, name, readModule, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}
