// @ts-check
import path from 'node:path';
import { isInside } from './check-relative-import.mjs';
import { findDeclaringFile } from './find-declaring-file.mjs';
import { exportedSubpaths, matchExportKey, resolvePackageEntry, splitPackageSpecifier } from './resolve-specifier.mjs';

/**
 * @typedef {import('./lint-types.js').ImportRules} ImportRules
 * @typedef {import('./lint-types.js').PackageRule} PackageRule
 * @typedef {import('./lint-types.js').ImportRecord} ImportRecord
 * @typedef {import('./lint-types.js').SourceInfo} SourceInfo
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {import('./lint-types.js').ImportCheck} ImportCheck
 * @typedef {import('./lint-types.js').Violation} Violation
 */

/**
 * The rule of a package: its exact entry, else the longest matching `prefix-*` pattern.
 *
 * @param {ImportRules} rules
 * @param {string} name
 * @returns {PackageRule | undefined}
 */
export function packageRuleFor(rules, name) {
  if (Object.hasOwn(rules.packages, name)) return rules.packages[name];
  const pattern = Object.keys(rules.packages)
    .filter((key) => key.endsWith('*') && key !== '*' && name.startsWith(key.slice(0, -1)))
    .sort((left, right) => right.length - left.length)[0];
  return pattern === undefined ? undefined : rules.packages[pattern];
}

/**
 * Whether `name` is in a list of allowed packages.
 *
 * @param {string[]} allowed names, `prefix-*` patterns or `*`
 * @param {string} name
 */
export function isAllowed(allowed, name) {
  return allowed.some((entry) => entry === '*' || entry === name || (entry.endsWith('*') && name.startsWith(entry.slice(0, -1))));
}

/**
 * Checks an import of a workspace package (`@switchboard/...`): the package is known, the
 * importer may depend on it, only its `exports` subpaths are used, and restricted names
 * come from where the table says.
 *
 * @param {SourceInfo} source
 * @param {ImportRecord} record
 * @param {LintContext} context
 * @returns {ImportCheck}
 */
export function checkPackageImport(source, record, context) {
  const { name, subpath } = splitPackageSpecifier(record.specifier);
  const target = context.packages.get(name);
  const targetRule = packageRuleFor(context.rules, name);
  /** @type {Violation[]} */
  const violations = [];
  /** @param {Violation['rule']} rule @param {string} message */
  const report = (rule, message) => violations.push({ path: context.display(source.file), line: record.line, rule, message });

  if (target === undefined) {
    if (targetRule === undefined) {
      report('unknown-package', `${name} is neither a workspace package nor in the import table: add it to ${context.rulesPath} with the packages it may import`);
    } else {
      report('unresolved-import', `no workspace package is named ${name}: check the spelling or create the package`);
    }
    return { violations, targetFile: undefined, targetPackage: undefined };
  }

  const ownRule = packageRuleFor(context.rules, source.owner.name);
  if (ownRule !== undefined && name !== source.owner.name) {
    const allowed = source.isDev ? [...ownRule.imports, ...(ownRule.devImports ?? [])] : ownRule.imports;
    if (!isAllowed(allowed, name)) {
      const onlyInTests = !source.isDev && isAllowed(ownRule.devImports ?? [], name) ? ' (it may, from test, fixture and bench files)' : '';
      const list = allowed.length === 0 ? 'no workspace package' : allowed.join(', ');
      report('package-direction', `${source.owner.name} may not import ${name}${onlyInTests}; it may import ${list} (table: ${context.rulesPath})`);
    }
  }

  const exportKey = matchExportKey(target, subpath);
  if (exportKey === undefined) {
    const entries = exportedSubpaths(target).map((key) => (key === '.' ? name : `${name}/${key.slice(2)}`));
    const into = subpath === './src' || subpath.startsWith('./src/') ? `reaches into ${name}'s src/` : `'${record.specifier}' is not exported by ${name}`;
    report('deep-import', `${into}: import its public entry instead (${entries.join(', ')})`);
    return { violations, targetFile: undefined, targetPackage: target };
  }

  const targetFile = resolvePackageEntry(target, subpath);
  const namesFolder = ownRule?.namesOnlyFrom?.[name];
  if (namesFolder !== undefined) {
    const folder = path.join(target.dir, namesFolder);
    for (const imported of record.names) {
      if (imported === '*') {
        report('package-names', `${source.owner.name} may take from ${name} only what ${namesFolder} declares: import those names one by one, not the whole module`);
        continue;
      }
      const declaringFile = targetFile === undefined ? undefined : findDeclaringFile(targetFile, imported, context.readModule);
      if (declaringFile !== undefined && isInside(folder, declaringFile)) continue;
      const where = declaringFile === undefined ? `could not be traced to a file of ${name}` : `is declared in ${path.relative(target.dir, declaringFile).split(path.sep).join('/')}`;
      report('package-names', `${source.owner.name} may take from ${name} only what ${namesFolder} declares; ${imported} ${where}`);
    }
  }
  return { violations, targetFile, targetPackage: target };
}
