// @ts-check
import { findCycles } from './find-cycles.mjs';

/**
 * @typedef {import('./lint-types.js').Violation} Violation
 * @typedef {import('./lint-types.js').LintContext} LintContext
 * @typedef {{ file: string; line: number }} EdgeSite where an edge's first import is written
 * @typedef {Map<string, Map<string, EdgeSite>>} SiteGraph node → next node → where the import is
 */

/**
 * Adds an edge to a graph, keeping the first place it was seen.
 *
 * @param {SiteGraph} graph
 * @param {string} from
 * @param {string} to
 * @param {EdgeSite} site
 */
export function addEdge(graph, from, to, site) {
  let targets = graph.get(from);
  if (targets === undefined) graph.set(from, (targets = new Map()));
  if (!targets.has(to)) targets.set(to, site);
  if (!graph.has(to)) graph.set(to, new Map());
}

/**
 * Import cycles between files, built from imports that stay in the emitted JavaScript.
 * Type-only imports are left out: they are erased, so they cannot make modules load in
 * a loop or see each other half-initialised.
 *
 * @param {SiteGraph} fileGraph
 * @param {LintContext} context
 * @returns {Violation[]}
 */
export function checkFileCycles(fileGraph, context) {
  return findCycles(toPlainGraph(fileGraph)).map((cycle) => {
    const chain = [...cycle.nodes, cycle.nodes[0] ?? ''].map((file) => context.display(file)).join(' -> ');
    const site = siteOf(fileGraph, cycle.nodes);
    const more = cycle.componentSize > cycle.nodes.length ? ` (${cycle.componentSize} files import each other in this group)` : '';
    return {
      path: context.display(site.file),
      line: site.line,
      rule: /** @type {const} */ ('file-cycle'),
      message: `import cycle: ${chain}${more}; break it by moving what both sides need into a module of its own`,
    };
  });
}

/**
 * Cycles between workspace packages, from every import (type-only and test imports too:
 * each one is a dependency that pnpm and turbo must order).
 *
 * @param {SiteGraph} packageGraph
 * @param {LintContext} context
 * @returns {Violation[]}
 */
export function checkPackageCycles(packageGraph, context) {
  return findCycles(toPlainGraph(packageGraph)).map((cycle) => {
    const chain = [...cycle.nodes, cycle.nodes[0] ?? ''].join(' -> ');
    const site = siteOf(packageGraph, cycle.nodes);
    return {
      path: context.display(site.file),
      line: site.line,
      rule: /** @type {const} */ ('package-cycle'),
      message: `package cycle: ${chain}; one of these imports has to go`,
    };
  });
}

/** @param {SiteGraph} graph */
function toPlainGraph(graph) {
  return new Map([...graph].map(([node, targets]) => [node, new Set(targets.keys())]));
}

/**
 * Where the cycle's first edge is written.
 *
 * @param {SiteGraph} graph
 * @param {string[]} nodes
 * @returns {EdgeSite}
 */
function siteOf(graph, nodes) {
  const from = nodes[0] ?? '';
  const to = nodes[1] ?? from;
  return graph.get(from)?.get(to) ?? { file: from, line: 1 };
}
