#!/usr/bin/env node
// @ts-check
/**
 * Lints import directions and import cycles across the monorepo:
 * `node tools/lint-imports/src/cli.mjs [repository root]` (the root defaults to the
 * current folder). Prints one `path:line  rule  message` line per violation and a
 * summary, and exits 1 when anything is found.
 *
 * Built on the TypeScript compiler's parser (already a root devDependency) rather than
 * dependency-cruiser: the rules here need what a file imports by name (the Gradio client
 * may take only error classes from core, traced through core's re-exports), whether an
 * import is type-only, core's folder layers and the packages' `exports` maps, which are a
 * few dozen lines each on top of the parser but would be regular-expression rules plus a
 * new dependency tree with dependency-cruiser. The rules live in one table,
 * import-rules.mjs.
 */
import path from 'node:path';
import { formatReport } from './format-report.mjs';
import { lintWorkspace } from './lint-workspace.mjs';

const root = path.resolve(process.argv[2] ?? process.cwd());
const result = lintWorkspace({ root });
process.stdout.write(formatReport(result));
process.exitCode = result.violations.length > 0 ? 1 : 0;
