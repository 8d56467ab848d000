import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isWorkspacePackagePath, patternDepth, workspacePackagePatterns } from './workspace-patterns.js';

/** The fields of a package.json the generator reads. */
export interface PackageManifest {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** One package of the workspace. */
export interface WorkspacePackage {
  /** Folder relative to the workspace root, `/`-separated, e.g. `packages/core`. */
  path: string;
  manifest: PackageManifest;
}

/** A pnpm workspace as the generator sees it. */
export interface Workspace {
  root: string;
  /** The `packages` globs of `pnpm-workspace.yaml`. */
  patterns: string[];
  /** The root package.json (`{}` when there is none). */
  rootManifest: PackageManifest;
  /** Every package folder the globs match, sorted by path. */
  packages: WorkspacePackage[];
}

const skippedFolders = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage']);

/** Reads `pnpm-workspace.yaml` at `root`, the root package.json and the package.json of every workspace package. */
export function readWorkspace(root: string): Workspace {
  const patterns = workspacePackagePatterns(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'));
  const packages: WorkspacePackage[] = [];
  const maxDepth = patternDepth(patterns);
  const visit = (directory: string, depth: number) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (!entry.isDirectory() || skippedFolders.has(entry.name) || entry.name.startsWith('.')) continue;
      const folder = join(directory, entry.name);
      const path = relative(root, folder).split('\\').join('/');
      if (isWorkspacePackagePath(path, patterns) && existsSync(join(folder, 'package.json'))) packages.push({ path, manifest: readManifest(folder) });
      if (depth + 1 < maxDepth) visit(folder, depth + 1);
    }
  };
  visit(root, 0);
  packages.sort((first, second) => first.path.localeCompare(second.path));
  const rootManifest = existsSync(join(root, 'package.json')) ? readManifest(root) : {};
  return { root, patterns, rootManifest, packages };
}

function readManifest(folder: string): PackageManifest {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageManifest;
}
