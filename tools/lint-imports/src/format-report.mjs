// @ts-check

/** @typedef {import('./lint-workspace.mjs').LintResult} LintResult */

/**
 * The lint's output: one `path:line  rule  message` line per violation, then a summary line.
 *
 * @param {LintResult} result
 * @returns {string}
 */
export function formatReport(result) {
  const lines = result.violations.map((violation) => `${violation.path}:${violation.line}  ${violation.rule}  ${violation.message}`);
  const scanned = `${result.fileCount} files, ${result.importCount} imports`;
  if (result.violations.length === 0) {
    lines.push(`lint-imports: no violations (${scanned})`);
  } else {
    const files = new Set(result.violations.map((violation) => violation.path)).size;
    const plural = result.violations.length === 1 ? 'violation' : 'violations';
    lines.push(`lint-imports: ${result.violations.length} ${plural} in ${files} ${files === 1 ? 'file' : 'files'} (${scanned})`);
  }
  return lines.join('\n') + '\n';
}
