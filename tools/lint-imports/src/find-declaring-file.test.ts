import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTreeWriter } from '../test-support/write-tree.js';
import { findDeclaringFile } from './find-declaring-file.mjs';
import { parseModule } from './parse-module.mjs';

const trees = createTreeWriter();
afterEach(() => trees.removeAll());

const readModule = (file: string) => parseModule(readFileSync(file, 'utf8'), file);

describe('findDeclaringFile', () => {
  it('follows export *, renamed re-exports, re-exported imports and namespace exports to the declaring file', () => {
    const root = trees.write({
      'index.ts': "export * from './errors/index.js';\nexport { inner as outer } from './renamed.js';\nimport { local } from './local.js';\nexport { local as exposed };\nexport * as tools from './tools.js';\n",
      'errors/index.ts': "export { ProtocolError } from './protocol-error.js';\n",
      'errors/protocol-error.ts': 'export class ProtocolError extends Error {}\n',
      'renamed.ts': 'export function inner() {}\n',
      'local.ts': 'export const local = 1;\n',
      'tools.ts': 'export const tool = 1;\n',
    });
    const entry = path.join(root, 'index.ts');
    expect(findDeclaringFile(entry, 'ProtocolError', readModule)).toBe(path.join(root, 'errors/protocol-error.ts'));
    expect(findDeclaringFile(entry, 'outer', readModule)).toBe(path.join(root, 'renamed.ts'));
    expect(findDeclaringFile(entry, 'exposed', readModule)).toBe(path.join(root, 'local.ts'));
    expect(findDeclaringFile(entry, 'tools', readModule)).toBe(path.join(root, 'tools.ts'));
    expect(findDeclaringFile(entry, 'missing', readModule)).toBeUndefined();
  });

  it('stops on modules that re-export each other', () => {
    const root = trees.write({ 'a.ts': "export * from './b.js';\n", 'b.ts': "export * from './a.js';\nexport const found = 1;\n" });
    expect(findDeclaringFile(path.join(root, 'a.ts'), 'found', readModule)).toBe(path.join(root, 'b.ts'));
    expect(findDeclaringFile(path.join(root, 'a.ts'), 'absent', readModule)).toBeUndefined();
  });
});
