import { afterEach, describe, expect, it } from 'vitest';
import { cleanTree, createTreeWriter, packageJson, type Tree } from '../test-support/write-tree.js';
import { importRules } from './import-rules.mjs';
import type { ImportRules, Violation } from './lint-types.js';
import { lintWorkspace } from './lint-workspace.mjs';

const trees = createTreeWriter();
afterEach(() => trees.removeAll());

function lint(changes: Tree, rules?: ImportRules): Violation[] {
  return lintWorkspace({ root: trees.write({ ...cleanTree, ...changes }), rules }).violations;
}

/** `path:line rule` of each violation, the part every assertion below pins down exactly. */
const where = (violations: Violation[]) => violations.map((violation) => `${violation.path}:${violation.line} ${violation.rule}`);

describe('lintWorkspace', () => {
  it('passes a tree that follows every rule, and counts what it read', () => {
    const result = lintWorkspace({ root: trees.write(cleanTree) });
    expect(result.violations).toEqual([]);
    expect(result.fileCount).toBe(Object.keys(cleanTree).filter((file) => /\.(ts|mjs)$/.test(file)).length);
    expect(result.importCount).toBe(20);
  });

  it('reports a runtime cycle as the chain of files, once, and ignores a type-only cycle', () => {
    const violations = lint({
      'packages/gradio/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'packages/gradio/src/b.ts': "export { c as b } from './c.js';\n",
      'packages/gradio/src/c.ts': "\nimport { a } from './a.js';\nexport const c = () => a;\n",
      'packages/gradio/src/x.ts': "import type { Y } from './y.js';\nexport interface X { y: Y }\n",
      'packages/gradio/src/y.ts': "import { type X } from './x.js';\nexport interface Y { x: X }\n",
    });
    expect(where(violations)).toEqual(['packages/gradio/src/a.ts:1 file-cycle']);
    expect(violations[0]?.message).toContain(
      'packages/gradio/src/a.ts -> packages/gradio/src/b.ts -> packages/gradio/src/c.ts -> packages/gradio/src/a.ts',
    );
  });

  it("finds a cycle that runs through a package's own public entry", () => {
    const violations = lint({
      'packages/core/src/index.ts': `${cleanTree['packages/core/src/index.ts']}\nexport { describeRegistry } from './describe-registry.js';\n`,
      'packages/core/src/describe-registry.ts': "import { createRegistry } from '@switchboard/core';\nexport const describeRegistry = () => String(createRegistry());\n",
    });
    expect(where(violations)).toEqual(['packages/core/src/describe-registry.ts:1 file-cycle']);
    expect(violations[0]?.message).toContain('packages/core/src/describe-registry.ts -> packages/core/src/index.ts -> packages/core/src/describe-registry.ts');
  });

  it('reports spec/ files that import runtime code, import outside spec/, or declare runtime code', () => {
    const violations = lint({
      'packages/core/src/spec/chat-request.ts': [
        "import { ProtocolError } from '../errors/index.js';",
        "import { Role } from './role.js';",
        "import type { Container } from 'tsyringe';",
        'export const roles: Role[] = [];',
        'export interface ChatRequest { error: ProtocolError; container: Container }',
      ].join('\n'),
    });
    expect(where(violations)).toEqual([
      'packages/core/src/spec/chat-request.ts:1 core-spec',
      'packages/core/src/spec/chat-request.ts:2 core-spec',
      'packages/core/src/spec/chat-request.ts:3 core-spec',
      'packages/core/src/spec/chat-request.ts:3 restricted-module',
      'packages/core/src/spec/chat-request.ts:4 core-spec',
    ]);
    expect(violations.map((violation) => violation.message)).toEqual([
      "spec/ may import only other spec/ files, not '../errors/index.js'",
      'spec/ holds types only: make this an `import type` or `export type`',
      "spec/ imports nothing from outside itself: drop the import of 'tsyringe'",
      expect.stringContaining('only src/registry/ may import tsyringe'),
      'spec/ holds types only: move this runtime code out of spec/',
    ]);
  });

  it("reports imports of another package's src/ or unexported subpaths, and relative paths that leave the package", () => {
    const violations = lint({
      'packages/testing/src/deep.ts': [
        "import { ProtocolError } from '@switchboard/core/src/errors/index.js';",
        "import { createRegistry } from '../../core/src/registry/create-registry.js';",
        "import { failure } from '@switchboard/core/errors';",
        "import { createTestRegistry } from '@switchboard/core/testing';",
        'export const all = [ProtocolError, createRegistry, failure, createTestRegistry];',
      ].join('\n'),
    });
    expect(where(violations)).toEqual([
      'packages/testing/src/deep.ts:1 deep-import',
      'packages/testing/src/deep.ts:2 deep-import',
      'packages/testing/src/deep.ts:3 deep-import',
    ]);
    expect(violations[0]?.message).toBe("reaches into @switchboard/core's src/: import its public entry instead (@switchboard/core, @switchboard/core/testing)");
    expect(violations[1]?.message).toBe(
      "'../../core/src/registry/create-registry.js' climbs out of @switchboard/testing to packages/core/src/registry/create-registry.ts: import @switchboard/core by name instead",
    );
    expect(violations[2]?.message).toContain("'@switchboard/core/errors' is not exported by @switchboard/core");
  });

  it('reports tsyringe imported in core outside registry/, tests included', () => {
    const violations = lint({
      'packages/core/src/routing/route.ts': "import { injectable } from 'tsyringe';\nexport const route = injectable;\n",
      'packages/core/src/routing/route.test.ts': "import { container } from 'tsyringe/dist/esm2015/index.js';\nexport const used = container;\n",
      'packages/gradio/src/uses-tsyringe.ts': "import { container } from 'tsyringe';\nexport const used = container;\n",
    });
    expect(where(violations)).toEqual(['packages/core/src/routing/route.test.ts:1 restricted-module', 'packages/core/src/routing/route.ts:1 restricted-module']);
    expect(violations[1]?.message).toBe('in @switchboard/core only src/registry/ may import tsyringe: go through what those folders export');
  });

  it("lets the Gradio client take only error classes from core, followed through core's re-exports", () => {
    const violations = lint({
      'packages/gradio/src/chat.ts': [
        "import { ProtocolError, type ChatMessage } from '@switchboard/core';",
        "import * as core from '@switchboard/core';",
        "export type Chat = { message: ChatMessage; error: ProtocolError; core: typeof core };",
      ].join('\n'),
      'packages/gradio/src/chat.test.ts': "export type Registry = typeof import('@switchboard/core').createRegistry;\n",
    });
    expect(where(violations)).toEqual([
      'packages/gradio/src/chat.test.ts:1 package-names',
      'packages/gradio/src/chat.ts:1 package-names',
      'packages/gradio/src/chat.ts:2 package-names',
    ]);
    expect(violations[0]?.message).toBe(
      '@switchboard/gradio may take from @switchboard/core only what src/errors/ declares; createRegistry is declared in src/registry/create-registry.ts',
    );
    expect(violations[1]?.message).toContain('ChatMessage is declared in src/spec/chat-message.ts');
  });

  it('enforces package directions, with test-only allowances that production files do not get', () => {
    const violations = lint({
      'packages/server/package.json': packageJson('@switchboard/server'),
      'packages/server/src/index.ts': "import type { ChatMessage } from '@switchboard/core';\nimport '@switchboard/provider-echo';\nexport type M = ChatMessage;\n",
      'packages/core/src/registry/load.ts': "export const load = () => import('@switchboard/provider-echo');\n",
      'packages/provider-echo/src/helper.ts': "export { runSuite } from '@switchboard/testing';\n",
    });
    expect(where(violations)).toEqual([
      'packages/core/src/registry/load.ts:1 package-cycle',
      'packages/core/src/registry/load.ts:1 package-direction',
      'packages/provider-echo/src/helper.ts:1 package-direction',
      'packages/server/src/index.ts:2 package-direction',
    ]);
    expect(violations[0]?.message).toBe('package cycle: @switchboard/core -> @switchboard/provider-echo -> @switchboard/core; one of these imports has to go');
    expect(violations[1]?.message).toBe(
      '@switchboard/core may not import @switchboard/provider-echo; it may import no workspace package (table: tools/lint-imports/src/import-rules.mjs)',
    );
    expect(violations[2]?.message).toContain('@switchboard/provider-echo may not import @switchboard/testing (it may, from test, fixture and bench files)');
  });

  it('checks the workspace packages each package.json depends on against the table', () => {
    const manifest = (name: string, sections: Record<string, Record<string, string>>) =>
      JSON.stringify({ ...JSON.parse(packageJson(name)), ...sections }, null, 2);
    const violations = lint({
      'packages/gradio/package.json': manifest('@switchboard/gradio', { dependencies: { '@switchboard/core': 'workspace:*', undici: '7.30.2' } }),
      'packages/provider-echo/package.json': manifest('@switchboard/provider-echo', {
        dependencies: { '@switchboard/core': 'workspace:*', '@switchboard/testing': 'workspace:*' },
        devDependencies: { '@switchboard/testing': 'workspace:*' },
      }),
      'packages/server/package.json': manifest('@switchboard/server', {
        dependencies: { '@switchboard/core': 'workspace:*' },
        devDependencies: { '@switchboard/cli': 'workspace:*', '@switchboard/testing': 'workspace:*' },
      }),
      'packages/server/src/index.ts': 'export const server = 1;\n',
    });
    expect(where(violations)).toEqual(['packages/provider-echo/package.json:12 package-direction', 'packages/server/package.json:14 package-direction']);
    expect(violations[0]?.message).toContain('@switchboard/provider-echo may not depend on @switchboard/testing in dependencies (as a devDependency it may)');
    expect(violations[1]?.message).toContain('@switchboard/server may not depend on @switchboard/cli in devDependencies');
  });

  it('reports core folders that import a higher layer, but not tests doing so', () => {
    const violations = lint({
      'packages/core/src/routing/fake-provider.ts': "import { createRegistry } from '../registry/create-registry.js';\nexport const fake = createRegistry;\n",
      'packages/core/src/routing/route.test.ts': "import { createRegistry } from '../registry/create-registry.js';\ncreateRegistry();\n",
      'packages/core/src/routing/route.ts': "import { ProtocolError } from '../errors/index.js';\nexport const route = ProtocolError;\n",
    });
    expect(where(violations)).toEqual(['packages/core/src/routing/fake-provider.ts:1 core-folder']);
    expect(violations[0]?.message).toContain("routing/ may not import registry/ ('../registry/create-registry.js')");
  });

  it('asks for unknown packages and core folders to be added to the table', () => {
    const violations = lint({
      'packages/redis-cluster/package.json': packageJson('@switchboard/redis-cluster'),
      'packages/redis-cluster/src/index.ts': 'export const cluster = 1;\n',
      'packages/draft/src/index.ts': 'export const draft = 1;\n',
      'packages/core/src/caching/cache.ts': 'export const cache = new Map();\n',
      'packages/testing/src/typo.ts': "import { x } from '@switchboard/tesing';\nexport const y = x;\n",
    });
    expect(where(violations)).toEqual([
      'packages/core/src/caching/cache.ts:1 core-folder',
      'packages/draft:1 unknown-package',
      'packages/redis-cluster/package.json:1 unknown-package',
      'packages/testing/src/typo.ts:1 unknown-package',
    ]);
    expect(violations[2]?.message).toBe(
      '@switchboard/redis-cluster is not in the import table: add it to tools/lint-imports/src/import-rules.mjs with the packages it may import',
    );
  });

  it('reports relative imports that name no file', () => {
    const violations = lint({ 'packages/gradio/src/lost.ts': "export { gone } from './moved-away.js';\n" });
    expect(where(violations)).toEqual(['packages/gradio/src/lost.ts:1 unresolved-import']);
  });

  it('reports a cycle between packages, test and type imports included', () => {
    const rules: ImportRules = {
      ...importRules,
      packages: { ...importRules.packages, '@switchboard/core': { imports: [], devImports: ['@switchboard/testing'] } },
    };
    const violations = lint({ 'packages/core/src/registry/registry.test.ts': "import type { runSuite } from '@switchboard/testing';\nexport type R = typeof runSuite;\n" }, rules);
    expect(where(violations)).toEqual(['packages/core/src/registry/registry.test.ts:1 package-cycle']);
    expect(violations[0]?.message).toBe('package cycle: @switchboard/core -> @switchboard/testing -> @switchboard/core; one of these imports has to go');
  });
});
