// @ts-check
import path from 'node:path';
import { isInside } from './check-relative-import.mjs';
import { isRelativeSpecifier } from './resolve-specifier.mjs';

/**
 * @typedef {import('./lint-types.js').ImportRecord} ImportRecord
 * @typedef {import('./lint-types.js').SourceInfo} SourceInfo
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {import('./lint-types.js').Violation} Violation
 */

/**
 * The top folder of `file` inside the layered source folder (`routing` for
 * `src/routing/route.ts`), `''` for a file directly in it, undefined outside it.
 *
 * @param {string} file absolute
 * @param {LintContext} context
 */
export function layerOf(file, context) {
  const layers = context.rules.folderLayers;
  const owner = context.ownerOf(file);
  if (owner === undefined || owner.name !== layers.package) return undefined;
  const sourceDir = path.join(owner.dir, layers.sourceDir);
  if (!isInside(sourceDir, file)) return undefined;
  const segments = path.relative(sourceDir, file).split(path.sep);
  return segments.length > 1 ? segments[0] : '';
}

/**
 * Checks one import of a file in the layered package: type-only folders (core's `spec/`)
 * import nothing but type-only imports of their own files, and production files import
 * only the folders their layer allows.
 *
 * @param {SourceInfo} source
 * @param {ImportRecord} record
 * @param {string | undefined} targetFile the linted file the import loads, if any
 * @param {LintContext} context
 * @returns {Violation[]}
 */
export function checkFolderLayers(source, record, targetFile, context) {
  const layers = context.rules.folderLayers;
  const from = layerOf(source.file, context);
  if (from === undefined) return [];
  const target = targetFile === undefined ? undefined : layerOf(targetFile, context);
  /** @param {Violation['rule']} rule @param {string} message */
  const violation = (rule, message) => [{ path: context.display(source.file), line: record.line, rule, message }];

  if (layers.typeOnlyFolders.includes(from)) {
    if (!isRelativeSpecifier(record.specifier)) {
      return violation('core-spec', `${from}/ imports nothing from outside itself: drop the import of '${record.specifier}'`);
    }
    if (target !== from) {
      return violation('core-spec', `${from}/ may import only other ${from}/ files, not '${record.specifier}'`);
    }
    if (!record.typeOnly) {
      return violation('core-spec', `${from}/ holds types only: make this an \`import type\` or \`export type\``);
    }
    return [];
  }
  if (source.isDev || from === '' || target === undefined || target === from) return [];
  const allowed = layers.mayImport[from];
  if (allowed === undefined) return [];
  if (target === '') {
    return violation('core-folder', `${from}/ imports the package entry '${record.specifier}': import the module that declares what it needs`);
  }
  if (allowed.includes(target) || !Object.hasOwn(layers.mayImport, target)) return [];
  const list = allowed.length === 0 ? 'nothing' : allowed.map((folder) => `${folder}/`).join(', ');
  return violation(
    'core-folder',
    `${from}/ may not import ${target}/ ('${record.specifier}'); ${from}/ may import ${list} (table: folderLayers in ${context.rulesPath})`,
  );
}

/**
 * Reports folders of the layered source folder missing from the table (once each, at
 * their first file), and runtime code in type-only folders.
 *
 * @param {SourceInfo[]} sources
 * @param {LintContext} context
 * @returns {Violation[]}
 */
export function checkFolderTable(sources, context) {
  const layers = context.rules.folderLayers;
  /** @type {Violation[]} */
  const violations = [];
  const reported = new Set();
  for (const source of sources) {
    const folder = layerOf(source.file, context);
    if (folder === undefined || folder === '') continue;
    if (!Object.hasOwn(layers.mayImport, folder) && !reported.has(folder)) {
      reported.add(folder);
      violations.push({
        path: context.display(source.file),
        line: 1,
        rule: 'core-folder',
        message: `${layers.sourceDir}/${folder}/ of ${layers.package} is not in the folder table: add it to folderLayers.mayImport in ${context.rulesPath} with the folders it may import`,
      });
    }
    if (!layers.typeOnlyFolders.includes(folder)) continue;
    for (const line of source.parsed.runtimeStatementLines) {
      const message = `${folder}/ holds types only: move this runtime code out of ${folder}/`;
      violations.push({ path: context.display(source.file), line, rule: 'core-spec', message });
    }
  }
  return violations;
}
