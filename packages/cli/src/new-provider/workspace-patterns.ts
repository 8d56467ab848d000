/**
 * The `packages` globs of a `pnpm-workspace.yaml`, as a block list (`- 'packages/*'`) or a
 * flow list (`packages: [a, b]`), quotes removed; exclusions keep their leading `!`. Only
 * that key is read, so no YAML library is needed.
 */
export function workspacePackagePatterns(yaml: string): string[] {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^packages\s*:/.test(line));
  if (start === -1) return [];
  const flow = /^packages\s*:\s*\[(.*)\]/.exec(lines[start]!);
  if (flow !== null) return flow[1]!.split(',').map(unquote).filter((pattern) => pattern !== '');
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(.*?)\s*(?:\s#.*)?$/.exec(line);
    if (item === null) break;
    patterns.push(unquote(item[1]!));
  }
  return patterns;
}

/**
 * Whether the folder at `path` (relative to the workspace root, `/`-separated) is a workspace
 * package folder under `patterns`: matched by a glob (`*` one level, `**` any depth) and by
 * no exclusion.
 */
export function isWorkspacePackagePath(path: string, patterns: readonly string[]): boolean {
  const normalized = normalize(path);
  const included = patterns.filter((pattern) => !pattern.startsWith('!'));
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  return included.some((pattern) => globPattern(pattern).test(normalized)) && !excluded.some((pattern) => globPattern(pattern).test(normalized));
}

/** How many folder levels below the root `patterns` reach; `Infinity` with a `**`. */
export function patternDepth(patterns: readonly string[]): number {
  return Math.max(0, ...patterns.map((pattern) => (pattern.includes('**') ? Number.POSITIVE_INFINITY : normalize(pattern.replace(/^!/, '')).split('/').length)));
}

function globPattern(pattern: string): RegExp {
  const source = normalize(pattern)
    .split('/')
    .map((segment) => (segment === '**' ? '(?:.*)' : segment.split('*').map(escapeForPattern).join('[^/]*')))
    .join('/')
    .replace(/\/\(\?:\.\*\)/g, '(?:/.*)?');
  return new RegExp(`^${source}$`);
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function unquote(text: string): string {
  return text.trim().replace(/^(['"])(.*)\1$/, '$2');
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
