import { describe, expect, it } from 'vitest';
import { isWorkspacePackagePath, patternDepth, workspacePackagePatterns } from './workspace-patterns.js';

describe('workspacePackagePatterns', () => {
  it('reads a block list with quotes and comments, and stops at the next key', () => {
    const yaml = [
      '# the workspace',
      'packages:',
      '  - packages/*',
      "  - 'examples'",
      '  # tools too',
      '  - "tools/*" # linters',
      "  - '!packages/private-*'",
      '',
      'onlyBuiltDependencies:',
      '  - esbuild',
    ].join('\n');
    expect(workspacePackagePatterns(yaml)).toEqual(['packages/*', 'examples', 'tools/*', '!packages/private-*']);
  });

  it('reads a flow list, and nothing when there is no packages key', () => {
    expect(workspacePackagePatterns("packages: ['apps/*', \"libs/**\", tools]\n")).toEqual(['apps/*', 'libs/**', 'tools']);
    expect(workspacePackagePatterns('onlyBuiltDependencies:\n  - esbuild\n')).toEqual([]);
  });
});

describe('isWorkspacePackagePath', () => {
  const patterns = ['packages/*', 'examples', 'apps/**', '!packages/private-*'];

  it.each(['packages/provider-acme', './packages/core/', 'examples', 'apps/web', 'apps/web/admin'])('covers %s', (path) => {
    expect(isWorkspacePackagePath(path, patterns)).toBe(true);
  });

  it.each(['packages', 'packages/a/b', 'providers/acme', 'examples/demo', 'packages/private-thing'])('does not cover %s', (path) => {
    expect(isWorkspacePackagePath(path, patterns)).toBe(false);
  });

  it('tells how deep the patterns reach', () => {
    expect(patternDepth(['packages/*', 'examples'])).toBe(2);
    expect(patternDepth(['packages/*', 'apps/**'])).toBe(Number.POSITIVE_INFINITY);
    expect(patternDepth([])).toBe(0);
  });
});
