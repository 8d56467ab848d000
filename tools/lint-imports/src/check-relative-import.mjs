// @ts-check
import path from 'node:path';
import { resolveRelative } from './resolve-specifier.mjs';

/**
 * @typedef {import('./lint-types.js').ImportRecord} ImportRecord
 * @typedef {import('./lint-types.js').SourceInfo} SourceInfo
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {import('./lint-types.js').ImportCheck} ImportCheck
 */

/**
 * Checks a relative import: it stays inside its own package (another package is reached
 * through its name and public entry) and it names an existing file.
 *
 * @param {SourceInfo} source
 * @param {ImportRecord} record
 * @param {LintContext} context
 * @returns {ImportCheck}
 */
export function checkRelativeImport(source, record, context) {
  const { target, file } = resolveRelative(source.file, record.specifier);
  const location = { path: context.display(source.file), line: record.line };
  if (!isInside(source.owner.dir, target)) {
    const other = context.ownerOf(target);
    const instead = other === undefined ? 'move the shared code into a package and import it by name' : `import ${other.name} by name instead`;
    const message = `'${record.specifier}' climbs out of ${source.owner.name} to ${context.display(file ?? target)}: ${instead}`;
    return { violations: [{ ...location, rule: 'deep-import', message }], targetFile: undefined, targetPackage: other };
  }
  if (file === undefined) {
    const message = `'${record.specifier}' names no file`;
    return { violations: [{ ...location, rule: 'unresolved-import', message }], targetFile: undefined, targetPackage: undefined };
  }
  return { violations: [], targetFile: file, targetPackage: source.owner };
}

/**
 * @param {string} folder
 * @param {string} candidate
 */
export function isInside(folder, candidate) {
  const relative = path.relative(folder, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
