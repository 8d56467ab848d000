// @ts-check
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {import('./lint-types.js').WorkspacePackage} WorkspacePackage
 * @typedef {import('./lint-types.js').ImportRules} ImportRules
 */

const ignoredFolders = new Set(['node_modules', 'dist', '.turbo', 'coverage', '.git']);
const sourceExtensions = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Expands root-relative folder patterns where `*` stands for any one folder name
 * (`packages/*` → every folder in `packages/`). Returns absolute paths that exist.
 *
 * @param {string} root
 * @param {string[]} patterns
 */
export function expandFolders(root, patterns) {
  const found = new Set();
  for (const pattern of patterns) {
    let current = [root];
    for (const segment of pattern.split('/')) {
      current = current.flatMap((folder) => {
        if (segment !== '*') return [path.join(folder, segment)];
        if (!isFolder(folder)) return [];
        return readdirSync(folder).filter((name) => !ignoredFolders.has(name)).map((name) => path.join(folder, name));
      });
    }
    for (const folder of current) if (isFolder(folder)) found.add(folder);
  }
  return [...found].sort();
}

/**
 * The workspace packages in `rules.packageDirs`, plus the folders that look like packages
 * (they hold source) but have no named package.json.
 *
 * @param {string} root
 * @param {ImportRules} rules
 * @returns {{ packages: WorkspacePackage[]; unnamedFolders: string[] }}
 */
export function loadWorkspace(root, rules) {
  /** @type {WorkspacePackage[]} */
  const packages = [];
  const unnamedFolders = [];
  for (const dir of expandFolders(root, rules.packageDirs)) {
    const manifestPath = path.join(dir, 'package.json');
    const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
    if (typeof manifest?.name === 'string') {
      packages.push({ name: manifest.name, dir, exports: manifest.exports, main: manifest.main });
    } else if (findSourceFiles(dir).length > 0) {
      unnamedFolders.push(dir);
    }
  }
  return { packages, unnamedFolders };
}

/**
 * Every TypeScript or JavaScript file under `folder`, skipping dependencies and build output.
 *
 * @param {string} folder absolute
 * @returns {string[]} absolute paths, sorted
 */
export function findSourceFiles(folder) {
  if (!isFolder(folder)) return [];
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (ignoredFolders.has(entry.name)) continue;
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...findSourceFiles(entryPath));
    else if (entry.isFile() && sourceExtensions.test(entry.name)) files.push(entryPath);
  }
  return files.sort();
}

/** @param {string} candidate */
function isFolder(candidate) {
  return existsSync(candidate) && statSync(candidate).isDirectory();
}
