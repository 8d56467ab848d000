import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Root-relative path → file content. */
export type Tree = Record<string, string>;

/** Writes small fake repositories into temporary folders and removes them all on `removeAll()`. */
export function createTreeWriter() {
  const roots: string[] = [];
  return {
    /** Writes `tree` into a fresh folder and returns that folder. */
    write(tree: Tree): string {
      const root = mkdtempSync(path.join(tmpdir(), 'lint-imports-'));
      roots.push(root);
      for (const [relativePath, content] of Object.entries(tree)) {
        const file = path.join(root, relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      return root;
    },
    removeAll(): void {
      for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A package.json whose public entries point at `src/` through the `switchboard-source` condition. */
export function packageJson(name: string, subpaths: Record<string, string> = { '.': './src/index.ts' }): string {
  const exportsField = Object.fromEntries(
    Object.entries(subpaths).map(([subpath, source]) => [subpath, { 'switchboard-source': source, default: source.replace('./src/', './dist/').replace(/\.ts$/, '.js') }]),
  );
  return JSON.stringify({ name, type: 'module', exports: exportsField }, null, 2);
}

/**
 * A small repository that follows every rule: core with spec/, errors/, registry/ and a
 * `./testing` subpath; the Gradio client taking an error class from core; a provider whose
 * test uses the testing package; the testing package; and an example using them all.
 */
export const cleanTree: Tree = {
  'packages/core/package.json': packageJson('@switchboard/core', { '.': './src/index.ts', './testing': './src/testing/index.ts' }),
  'packages/core/src/index.ts': [
    "export * from './errors/index.js';",
    "export type * from './spec/index.js';",
    "export { createRegistry } from './registry/create-registry.js';",
  ].join('\n'),
  'packages/core/src/errors/index.ts': "export { ProtocolError } from './protocol-error.js';\n",
  'packages/core/src/errors/protocol-error.ts': 'export class ProtocolError extends Error {}\n',
  'packages/core/src/spec/index.ts': "export type { ChatMessage } from './chat-message.js';\n",
  'packages/core/src/spec/chat-message.ts': "import type { Role } from './role.js';\nexport interface ChatMessage { role: Role; content: string }\n",
  'packages/core/src/spec/role.ts': "export type Role = 'user' | 'assistant';\n",
  'packages/core/src/registry/create-registry.ts': [
    "import { container } from 'tsyringe';",
    "import { ProtocolError } from '../errors/index.js';",
    "import type { ChatMessage } from '../spec/index.js';",
    'export function createRegistry(messages: ChatMessage[] = []) {',
    "  if (messages.length > 100) throw new ProtocolError('too many');",
    '  return container.createChildContainer();',
    '}',
  ].join('\n'),
  'packages/core/src/registry/create-registry.test.ts': "import { createRegistry } from './create-registry.js';\ncreateRegistry();\n",
  'packages/core/src/testing/index.ts': "export { createRegistry as createTestRegistry } from '../registry/create-registry.js';\n",
  'packages/gradio/package.json': packageJson('@switchboard/gradio'),
  'packages/gradio/src/index.ts': "import { ProtocolError } from '@switchboard/core';\nexport const failure = new ProtocolError('bad');\n",
  'packages/provider-echo/package.json': packageJson('@switchboard/provider-echo'),
  'packages/provider-echo/src/index.ts': [
    "import { createRegistry, type ChatMessage } from '@switchboard/core';",
    "import { failure } from '@switchboard/gradio';",
    'export const echo = (message: ChatMessage) => [createRegistry(), failure, message];',
  ].join('\n'),
  'packages/provider-echo/src/echo.test.ts': "import { echo } from './index.js';\nimport { runSuite } from '@switchboard/testing';\nrunSuite(echo);\n",
  'packages/testing/package.json': packageJson('@switchboard/testing'),
  'packages/testing/src/index.ts': "import { createTestRegistry } from '@switchboard/core/testing';\nexport const runSuite = (x: unknown) => [x, createTestRegistry()];\n",
  'examples/package.json': JSON.stringify({ name: '@switchboard/examples', type: 'module' }),
  'examples/demo/main.mjs': "import '@switchboard/provider-echo';\nimport { createRegistry } from '@switchboard/core';\nconst { answer } = await import('./answer.mjs');\nanswer(createRegistry());\n",
  'examples/demo/answer.mjs': 'export const answer = (registry) => registry;\n',
};
