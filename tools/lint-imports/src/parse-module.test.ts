import { describe, expect, it } from 'vitest';
import { parseModule } from './parse-module.mjs';

describe('parseModule', () => {
  it('tells type-only imports and exports from those that stay in the JavaScript', () => {
    const source = [
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import { type D, e } from './d.js';",
      "import f, * as g from './f.js';",
      "import './side-effect.js';",
      "export type { H } from './h.js';",
      "export { type I, j as k } from './i.js';",
      "export * from './l.js';",
      "export type * as m from './m.js';",
      "import n = require('./n.js');",
    ].join('\n');
    const imports = parseModule(source, 'example.ts').imports;
    expect(imports.map(({ specifier, line, typeOnly, kind, names }) => ({ specifier, line, typeOnly, kind, names }))).toEqual([
      { specifier: './a.js', line: 1, typeOnly: true, kind: 'import', names: ['A'] },
      { specifier: './b.js', line: 2, typeOnly: true, kind: 'import', names: ['B', 'C'] },
      { specifier: './d.js', line: 3, typeOnly: false, kind: 'import', names: ['D', 'e'] },
      { specifier: './f.js', line: 4, typeOnly: false, kind: 'import', names: ['default', '*'] },
      { specifier: './side-effect.js', line: 5, typeOnly: false, kind: 'import', names: [] },
      { specifier: './h.js', line: 6, typeOnly: true, kind: 'export', names: ['H'] },
      { specifier: './i.js', line: 7, typeOnly: false, kind: 'export', names: ['I', 'j'] },
      { specifier: './l.js', line: 8, typeOnly: false, kind: 'export', names: ['*'] },
      { specifier: './m.js', line: 9, typeOnly: true, kind: 'export', names: ['*'] },
      { specifier: './n.js', line: 10, typeOnly: false, kind: 'import-equals', names: ['*'] },
    ]);
  });

  it('finds import() calls with literal specifiers and import() type queries, at any depth', () => {
    const source = [
      'export async function load(name: string) {',
      "  const fixed = await import('./fixed.js');",
      '  const chosen = await import(name);',
      '  return [fixed, chosen, await import(`./template.js`)];',
      '}',
      "export type Settings = import('@switchboard/core').Settings.Nested;",
    ].join('\n');
    const imports = parseModule(source, 'load.ts').imports;
    expect(imports.map(({ specifier, line, typeOnly, kind, names }) => ({ specifier, line, typeOnly, kind, names }))).toEqual([
      { specifier: './fixed.js', line: 2, typeOnly: false, kind: 'dynamic', names: ['*'] },
      { specifier: './template.js', line: 4, typeOnly: false, kind: 'dynamic', names: ['*'] },
      { specifier: '@switchboard/core', line: 6, typeOnly: true, kind: 'type-query', names: ['Settings'] },
    ]);
  });

  it('parses plain JavaScript files too', () => {
    const imports = parseModule("import { x } from './x.mjs';\nconst y = await import('./y.mjs');\n", 'main.mjs').imports;
    expect(imports.map((record) => [record.specifier, record.kind])).toEqual([
      ['./x.mjs', 'import'],
      ['./y.mjs', 'dynamic'],
    ]);
  });

  it('records how each name is exported, for tracing it to its declaration', () => {
    const source = [
      "import { inner as renamed } from './inner.js';",
      'export class Failure extends Error {}',
      'export const first = 1, { second } = { second: 2 };',
      'export { renamed as outer };',
      "export { thing as other } from './thing.js';",
      "export * from './everything.js';",
      'export default 42;',
    ].join('\n');
    const parsed = parseModule(source, 'index.ts');
    expect(parsed.exports).toEqual([
      { kind: 'declared', name: 'Failure' },
      { kind: 'declared', name: 'first' },
      { kind: 'declared', name: 'second' },
      { kind: 'local', local: 'renamed', exported: 'outer' },
      { kind: 're-export', specifier: './thing.js', imported: 'thing', exported: 'other' },
      { kind: 're-export', specifier: './everything.js', imported: '*', exported: '*' },
      { kind: 'declared', name: 'default' },
    ]);
    expect(parsed.importBindings.get('renamed')).toEqual({ specifier: './inner.js', imported: 'inner' });
  });

  it('lists the lines of top-level statements that leave runtime code', () => {
    const source = [
      "import type { A } from './a.js';",
      'export interface B { a: A }',
      "export type C = 'c';",
      'declare const d: number;',
      'export const e = 1;',
      'export function f() {}',
      'enum G { H }',
      "console.log('side effect');",
    ].join('\n');
    expect(parseModule(source, 'types.ts').runtimeStatementLines).toEqual([5, 6, 7, 8]);
  });
});
