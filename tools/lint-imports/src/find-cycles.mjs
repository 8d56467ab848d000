// @ts-check

/**
 * One cycle of a directed graph: `nodes[0] → nodes[1] → … → nodes[0]`, with the size of
 * the strongly connected component it was found in (when larger than the cycle, more
 * cycles run through the same nodes).
 *
 * @typedef {{ nodes: string[]; componentSize: number }} GraphCycle
 */

/**
 * Finds every group of nodes that import each other (Tarjan's strongly connected
 * components, without recursion) and reports one shortest cycle per group, starting at
 * the group's alphabetically first node. Deterministic for a given graph.
 *
 * @param {Map<string, Set<string>>} graph node → the nodes it points to
 * @returns {GraphCycle[]}
 */
export function findCycles(graph) {
  /** @param {string} node */
  const successors = (node) => [...(graph.get(node) ?? [])].sort();
  return stronglyConnectedComponents([...graph.keys()].sort(), successors)
    .filter((component) => component.length > 1 || successors(component[0] ?? '').includes(component[0] ?? ''))
    .map((component) => {
      const members = new Set(component);
      const start = [...component].sort()[0] ?? '';
      return { nodes: shortestCycleThrough(start, (node) => successors(node).filter((next) => members.has(next))), componentSize: component.length };
    })
    .sort((left, right) => ((left.nodes[0] ?? '') < (right.nodes[0] ?? '') ? -1 : 1));
}

/**
 * @param {string[]} nodes
 * @param {(node: string) => string[]} successors
 * @returns {string[][]}
 */
function stronglyConnectedComponents(nodes, successors) {
  /** @type {Map<string, number>} */ const order = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const components = [];
  let counter = 0;
  /** @param {string} node */
  const enter = (node) => {
    order.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    return { node, next: successors(node)[Symbol.iterator]() };
  };
  for (const root of nodes) {
    if (order.has(root)) continue;
    const work = [enter(root)];
    while (work.length > 0) {
      const frame = /** @type {{ node: string; next: Iterator<string> }} */ (work[work.length - 1]);
      const step = frame.next.next();
      if (!step.done) {
        const target = step.value;
        if (!order.has(target)) work.push(enter(target));
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, order.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) !== order.get(frame.node)) continue;
      const component = [];
      let member;
      do {
        member = /** @type {string} */ (stack.pop());
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      components.push(component);
    }
  }
  return components;
}

/**
 * Breadth-first search from `start` back to itself.
 *
 * @param {string} start
 * @param {(node: string) => string[]} successors
 */
function shortestCycleThrough(start, successors) {
  /** @type {Map<string, string>} */
  const cameFrom = new Map();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = /** @type {string} */ (queue[head]);
    for (const next of successors(node)) {
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(/** @type {string} */ (cameFrom.get(path[0] ?? '')));
        return path;
      }
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      queue.push(next);
    }
  }
  return [start];
}
