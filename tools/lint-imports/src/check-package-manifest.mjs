// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAllowed, packageRuleFor } from './check-package-import.mjs';

/**
 * @typedef {import('./lint-types.js').WorkspacePackage} WorkspacePackage
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {import('./lint-types.js').Violation} Violation
 */

const runtimeSections = ['dependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Checks the workspace packages a package.json declares against the import table:
 * pnpm and turbo order the workspace by these declarations, so a dependency the table
 * forbids is a wrong direction (or a cycle) waiting for its first import.
 *
 * @param {WorkspacePackage} workspacePackage
 * @param {LintContext} context
 * @returns {Violation[]}
 */
export function checkPackageManifest(workspacePackage, context) {
  const rule = packageRuleFor(context.rules, workspacePackage.name);
  if (rule === undefined) return [];
  const manifestPath = path.join(workspacePackage.dir, 'package.json');
  const text = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(text);
  const lines = text.split('\n');
  /** @type {Violation[]} */
  const violations = [];
  for (const section of [...runtimeSections, 'devDependencies']) {
    const allowed = section === 'devDependencies' ? [...rule.imports, ...(rule.devImports ?? [])] : rule.imports;
    for (const name of Object.keys(manifest[section] ?? {})) {
      if (!name.startsWith(context.rules.scope) || name === workspacePackage.name || isAllowed(allowed, name)) continue;
      const onlyDev = section !== 'devDependencies' && isAllowed(rule.devImports ?? [], name) ? ' (as a devDependency it may)' : '';
      violations.push({
        path: context.display(manifestPath),
        line: lineOfEntry(lines, section, name),
        rule: 'package-direction',
        message: `${workspacePackage.name} may not depend on ${name} in ${section}${onlyDev}; it may import ${allowed.length === 0 ? 'no workspace package' : allowed.join(', ')} (table: ${context.rulesPath})`,
      });
    }
  }
  return violations;
}

/**
 * The 1-based line of `"name"` inside the `"section"` object of a package.json text.
 *
 * @param {string[]} lines
 * @param {string} section
 * @param {string} name
 */
function lineOfEntry(lines, section, name) {
  const sectionIndex = lines.findIndex((line) => line.includes(`"${section}"`));
  const entryIndex = lines.findIndex((line, index) => index > sectionIndex && line.includes(`"${name}"`));
  return entryIndex === -1 ? Math.max(sectionIndex, 0) + 1 : entryIndex + 1;
}
