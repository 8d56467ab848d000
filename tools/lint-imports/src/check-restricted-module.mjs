// @ts-check
import { splitPackageSpecifier } from './resolve-specifier.mjs';

/**
 * @typedef {import('./lint-types.js').ImportRecord} ImportRecord
 * @typedef {import('./lint-types.js').SourceInfo} SourceInfo
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {import('./lint-types.js').Violation} Violation
 */

/**
 * Checks an import of a third-party module against `restrictedModules`: in the named
 * package, only files under the listed folders may import it (tests included).
 *
 * @param {SourceInfo} source
 * @param {ImportRecord} record
 * @param {LintContext} context
 * @returns {Violation[]}
 */
export function checkRestrictedModule(source, record, context) {
  const { name } = splitPackageSpecifier(record.specifier);
  return context.rules.restrictedModules
    .filter((rule) => rule.module === name && rule.package === source.owner.name)
    .filter((rule) => !rule.onlyIn.some((folder) => source.pathInPackage.startsWith(folder)))
    .map((rule) => ({
      path: context.display(source.file),
      line: record.line,
      rule: 'restricted-module',
      message: `in ${rule.package} only ${rule.onlyIn.join(', ')} may import ${rule.module}: go through what those folders export`,
    }));
}
