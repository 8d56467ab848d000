// @ts-check
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** @typedef {import('./lint-types.js').WorkspacePackage} WorkspacePackage */

/** TypeScript's ESM convention: `./x.js` in source names `./x.ts`. */
const sourceTwins = /** @type {Record<string, string[]>} */ ({
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
});
const bareExtensions = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx'];

/** @param {string} specifier */
export function isRelativeSpecifier(specifier) {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

/**
 * Where a relative specifier points (`target`, even when nothing is there) and the source
 * file it loads (`file`, undefined when none exists).
 *
 * @param {string} fromFile absolute
 * @param {string} specifier
 * @returns {{ target: string; file: string | undefined }}
 */
export function resolveRelative(fromFile, specifier) {
  const target = path.resolve(path.dirname(fromFile), specifier);
  return { target, file: findFile(target) };
}

/** @param {string} target */
function findFile(target) {
  const extension = path.extname(target);
  const base = target.slice(0, target.length - extension.length);
  const candidates = [
    ...(sourceTwins[extension] ?? []).map((twin) => base + twin),
    target,
    ...bareExtensions.map((bare) => target + bare),
    ...bareExtensions.map((bare) => path.join(target, 'index' + bare)),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * Splits `@scope/name/sub/path` into the package name and the `exports` key it asks for
 * (`.` or `./sub/path`).
 *
 * @param {string} specifier
 */
export function splitPackageSpecifier(specifier) {
  const segments = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const rest = segments.slice(nameLength).join('/');
  return { name: segments.slice(0, nameLength).join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}

/**
 * The `exports` keys of a package (`.` alone when it has no `exports`).
 *
 * @param {WorkspacePackage} workspacePackage
 * @returns {string[]}
 */
export function exportedSubpaths(workspacePackage) {
  const exportsField = workspacePackage.exports;
  if (exportsField === undefined || exportsField === null) return ['.'];
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return ['.'];
  const keys = Object.keys(exportsField);
  return keys.every((key) => key.startsWith('.')) ? keys : ['.'];
}

/**
 * The `exports` key that serves `subpath`, honouring `*` patterns, or undefined.
 *
 * @param {WorkspacePackage} workspacePackage
 * @param {string} subpath
 */
export function matchExportKey(workspacePackage, subpath) {
  return exportedSubpaths(workspacePackage).find((key) => {
    if (!key.includes('*')) return key === subpath;
    const [prefix, suffix] = /** @type {[string, string]} */ (key.split('*', 2));
    return subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= prefix.length + suffix.length;
  });
}

/** The conditions tried in order when mapping an export to a source file. */
const sourceConditions = ['switchboard-source', 'source', 'import', 'default', 'node'];

/**
 * The source file behind `subpath` of a workspace package (its `switchboard-source` export
 * when there is one), or undefined when it does not map to an existing file.
 *
 * @param {WorkspacePackage} workspacePackage
 * @param {string} subpath
 */
export function resolvePackageEntry(workspacePackage, subpath) {
  const exportsField = /** @type {unknown} */ (workspacePackage.exports);
  let value;
  if (exportsField === undefined || exportsField === null) {
    value = subpath === '.' ? workspacePackage.main ?? './index.js' : subpath;
  } else if (typeof exportsField === 'string' || !Object.keys(exportsField).every((key) => key.startsWith('.'))) {
    value = subpath === '.' ? exportsField : undefined;
  } else {
    const key = matchExportKey(workspacePackage, subpath);
    const field = /** @type {Record<string, unknown>} */ (exportsField);
    value = key === undefined ? undefined : field[key];
    if (key?.includes('*')) {
      const [prefix, suffix] = /** @type {[string, string]} */ (key.split('*', 2));
      const stem = subpath.slice(prefix.length, subpath.length - suffix.length);
      value = replaceStar(pickCondition(value), stem);
    }
  }
  const relativePath = pickCondition(value);
  if (typeof relativePath !== 'string') return undefined;
  return findFile(path.resolve(workspacePackage.dir, relativePath));
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function pickCondition(value) {
  if (typeof value === 'string' || value === undefined || value === null) return value;
  if (Array.isArray(value)) return pickCondition(value[0]);
  const conditions = /** @type {Record<string, unknown>} */ (value);
  const condition = sourceConditions.find((name) => name in conditions);
  return condition === undefined ? undefined : pickCondition(conditions[condition]);
}

/**
 * @param {unknown} value
 * @param {string} stem
 */
function replaceStar(value, stem) {
  return typeof value === 'string' ? value.replaceAll('*', stem) : value;
}
