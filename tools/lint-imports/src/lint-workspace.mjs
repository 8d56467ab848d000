// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addEdge, checkFileCycles, checkPackageCycles } from './check-cycles.mjs';
import { checkFolderLayers, checkFolderTable } from './check-folder-layers.mjs';
import { checkPackageImport, packageRuleFor } from './check-package-import.mjs';
import { checkPackageManifest } from './check-package-manifest.mjs';
import { checkRelativeImport, isInside } from './check-relative-import.mjs';
import { checkRestrictedModule } from './check-restricted-module.mjs';
import { importRules } from './import-rules.mjs';
import { expandFolders, findSourceFiles, loadWorkspace } from './load-workspace.mjs';
import { parseModule } from './parse-module.mjs';
import { isRelativeSpecifier } from './resolve-specifier.mjs';

/**
 * @typedef {import('./lint-types.js').ImportRules} ImportRules
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {import('./lint-types.js').ParsedModule} ParsedModule
 * @typedef {import('./lint-types.js').SourceInfo} SourceInfo
 * @typedef {import('./lint-types.js').Violation} Violation
 * @typedef {import('./check-cycles.mjs').SiteGraph} SiteGraph
 */

/**
 * @typedef {object} LintResult
 * @property {Violation[]} violations sorted by path, line and rule
 * @property {number} fileCount files read
 * @property {number} importCount imports checked
 */

/**
 * Lints the imports of every source file under `rules.scanDirs` of the repository at
 * `root`, and the workspace dependencies each package.json declares: package directions,
 * public entries only, core's folder layers, restricted modules, and import cycles
 * between files and between packages.
 *
 * @param {{ root: string; rules?: ImportRules; rulesPath?: string }} options
 * @returns {LintResult}
 */
export function lintWorkspace({ root, rules = importRules, rulesPath = 'tools/lint-imports/src/import-rules.mjs' }) {
  const workspace = loadWorkspace(root, rules);
  const packagesByDepth = [...workspace.packages].sort((left, right) => right.dir.length - left.dir.length);
  /** @type {Map<string, ParsedModule | undefined>} */
  const parsedFiles = new Map();
  /** @type {LintContext} */
  const context = {
    root,
    rules,
    rulesPath,
    packages: new Map(workspace.packages.map((workspacePackage) => [workspacePackage.name, workspacePackage])),
    ownerOf: (file) => packagesByDepth.find((candidate) => isInside(candidate.dir, file)),
    readModule: (file) => {
      if (!parsedFiles.has(file)) parsedFiles.set(file, readModuleFile(file));
      return parsedFiles.get(file);
    },
    display: (file) => path.relative(root, file).split(path.sep).join('/'),
  };

  /** @type {Violation[]} */
  const violations = [];
  for (const workspacePackage of workspace.packages) {
    violations.push(...checkPackageManifest(workspacePackage, context));
    if (packageRuleFor(rules, workspacePackage.name) !== undefined) continue;
    const message = `${workspacePackage.name} is not in the import table: add it to ${rulesPath} with the packages it may import`;
    violations.push({ path: context.display(path.join(workspacePackage.dir, 'package.json')), line: 1, rule: 'unknown-package', message });
  }
  for (const folder of workspace.unnamedFolders) {
    const message = `${context.display(folder)} holds source files but no package.json with a name: give it one and add it to ${rulesPath}`;
    violations.push({ path: context.display(folder), line: 1, rule: 'unknown-package', message });
  }

  const sources = collectSources(root, rules, context);
  /** @type {SiteGraph} */ const fileGraph = new Map();
  /** @type {SiteGraph} */ const packageGraph = new Map();
  const linted = new Set(sources.map((source) => source.file));
  let importCount = 0;
  for (const source of sources) {
    for (const record of source.parsed.imports) {
      importCount++;
      const site = { file: source.file, line: record.line };
      if (isRelativeSpecifier(record.specifier) || record.specifier.startsWith(rules.scope)) {
        const check = isRelativeSpecifier(record.specifier)
          ? checkRelativeImport(source, record, context)
          : checkPackageImport(source, record, context);
        violations.push(...check.violations, ...checkFolderLayers(source, record, check.targetFile, context));
        if (check.targetFile !== undefined && !record.typeOnly && linted.has(check.targetFile)) {
          addEdge(fileGraph, source.file, check.targetFile, site);
        }
        if (check.targetPackage !== undefined && check.targetPackage.name !== source.owner.name) {
          addEdge(packageGraph, source.owner.name, check.targetPackage.name, site);
        }
      } else {
        violations.push(...checkRestrictedModule(source, record, context), ...checkFolderLayers(source, record, undefined, context));
      }
    }
  }
  violations.push(...checkFolderTable(sources, context), ...checkFileCycles(fileGraph, context), ...checkPackageCycles(packageGraph, context));
  violations.sort((left, right) => left.path.localeCompare(right.path) || left.line - right.line || left.rule.localeCompare(right.rule));
  return { violations, fileCount: sources.length, importCount };
}

/**
 * @param {string} root
 * @param {ImportRules} rules
 * @param {LintContext} context
 * @returns {SourceInfo[]}
 */
function collectSources(root, rules, context) {
  const files = [...new Set(expandFolders(root, rules.scanDirs).flatMap((folder) => findSourceFiles(folder)))].sort();
  /** @type {SourceInfo[]} */
  const sources = [];
  for (const file of files) {
    const owner = context.ownerOf(file);
    const parsed = context.readModule(file);
    if (owner === undefined || parsed === undefined) continue;
    const pathInPackage = path.relative(owner.dir, file).split(path.sep).join('/');
    sources.push({ file, owner, pathInPackage, isDev: isDevFile(pathInPackage, rules), parsed });
  }
  return sources;
}

/**
 * @param {string} pathInPackage
 * @param {ImportRules} rules
 */
export function isDevFile(pathInPackage, rules) {
  const segments = pathInPackage.split('/');
  const fileName = segments.pop() ?? '';
  return rules.devFiles.nameSuffixes.some((suffix) => fileName.endsWith(suffix)) || segments.some((folder) => rules.devFiles.folders.includes(folder));
}

/**
 * @param {string} file
 * @returns {ParsedModule | undefined}
 */
function readModuleFile(file) {
  if (!/\.(?:[cm]?[jt]sx?)$/.test(file)) return undefined;
  return parseModule(readFileSync(file, 'utf8'), file);
}
