import { describe, expect, it } from 'vitest';
import { findCycles } from './find-cycles.mjs';

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([node, targets]) => [node, new Set(targets)]));

describe('findCycles', () => {
  it('finds nothing in a graph without cycles', () => {
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('reports one shortest cycle per group, starting at its first node, with the group size', () => {
    const graph = graphOf({
      entry: ['b'],
      b: ['c', 'e'],
      c: ['d'],
      d: ['b'],
      e: ['b'],
      x: ['y'],
      y: ['x'],
    });
    expect(findCycles(graph)).toEqual([
      { nodes: ['b', 'e'], componentSize: 4 },
      { nodes: ['x', 'y'], componentSize: 2 },
    ]);
  });

  it('reports a node that imports itself', () => {
    expect(findCycles(graphOf({ a: ['a', 'b'], b: [] }))).toEqual([{ nodes: ['a'], componentSize: 1 }]);
  });

  it('handles a long chain without running out of stack', () => {
    const size = 20_000;
    const edges: Record<string, string[]> = {};
    for (let index = 0; index < size; index++) edges[`n${String(index).padStart(5, '0')}`] = [`n${String((index + 1) % size).padStart(5, '0')}`];
    const [cycle] = findCycles(graphOf(edges));
    expect(cycle?.nodes.length).toBe(size);
    expect(cycle?.nodes[0]).toBe('n00000');
    expect(cycle?.nodes[size - 1]).toBe('n19999');
  });
});
