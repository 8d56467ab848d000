interface ParsedVersion {
  numbers: number[];
  /** -1 for a pre-release (`b3`, `rc1`, `-beta.2`, `.dev0`), 0 for a release, 1 for a post-release. */
  stage: -1 | 0 | 1;
  suffix: string;
}

const versionPattern = /^v?(\d+(?:\.\d+)*)(.*)$/;

function parseVersion(text: string): ParsedVersion | null {
  const match = versionPattern.exec(text.trim());
  if (match === null) return null;
  const numbers = match[1]!.split('.').map(Number);
  const suffix = match[2]!;
  let stage: ParsedVersion['stage'] = 0;
  if (/^[.-]?post/i.test(suffix)) stage = 1;
  else if (suffix !== '' && !suffix.startsWith('+')) stage = -1;
  return { numbers, stage, suffix };
}

/** True when `text` looks like a version this module can compare (`4.36.1`, `5.0.0b3`, `v6.1`). */
export function isComparableVersion(text: string): boolean {
  return parseVersion(text) !== null;
}

/**
 * Compares two Gradio version strings. Missing numeric parts count as 0 (`5.29` equals
 * `5.29.0`); a pre-release (`5.0.0b3`, `4.0.0-beta.1`) sorts before its release and a
 * post-release (`4.44.0.post1`) after it. Throws `TypeError` for text that is not a version.
 */
export function compareVersions(left: string, right: string): -1 | 0 | 1 {
  const a = parseVersion(left);
  const b = parseVersion(right);
  if (a === null || b === null) throw new TypeError(`Not a version: ${JSON.stringify(a === null ? left : right)}`);
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let index = 0; index < length; index++) {
    const difference = (a.numbers[index] ?? 0) - (b.numbers[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  if (a.stage !== b.stage) return a.stage < b.stage ? -1 : 1;
  if (a.stage === 0 || a.suffix === b.suffix) return 0;
  return compareSuffixes(a.suffix, b.suffix);
}

function compareSuffixes(left: string, right: string): -1 | 0 | 1 {
  const order = left.localeCompare(right, 'en', { numeric: true });
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

/** True when `version` is at least `minimum`; false when `version` is missing or not a version. */
export function isVersionAtLeast(version: string | null | undefined, minimum: string): boolean {
  if (version === null || version === undefined || !isComparableVersion(version)) return false;
  return compareVersions(version, minimum) >= 0;
}
