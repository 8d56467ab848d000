import type { PackageManifest } from './read-workspace.js';

const dependencySections = ['dependencies', 'devDependencies'] as const;

/**
 * The version of each third-party package the given manifests depend on, the one most of
 * them use when they disagree (the first seen on a tie). Workspace, link and file
 * dependencies are left out.
 */
export function dependencyVersionsInUse(manifests: readonly PackageManifest[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const manifest of manifests) {
    for (const section of dependencySections) {
      for (const [name, version] of Object.entries(manifest[section] ?? {})) {
        if (/^(?:workspace|link|file):/.test(version)) continue;
        const versions = counts.get(name) ?? new Map<string, number>();
        versions.set(version, (versions.get(version) ?? 0) + 1);
        counts.set(name, versions);
      }
    }
  }
  const chosen = new Map<string, string>();
  for (const [name, versions] of counts) {
    const [first] = [...versions.entries()].sort(([, countA], [, countB]) => countB - countA);
    chosen.set(name, first![0]);
  }
  return chosen;
}

/**
 * A copy of `manifest` whose third-party dependencies take the version in `versionsInUse`
 * when the workspace uses one, so the new package shares the copy already installed; the
 * others keep the version the template pins. `workspace:` dependencies are kept as they are.
 */
export function alignDependencyVersions(manifest: PackageManifest, versionsInUse: ReadonlyMap<string, string>): PackageManifest {
  const aligned: PackageManifest = { ...manifest };
  for (const section of dependencySections) {
    const dependencies = manifest[section];
    if (dependencies === undefined) continue;
    aligned[section] = Object.fromEntries(
      Object.entries(dependencies).map(([name, version]) => [name, version.startsWith('workspace:') ? version : (versionsInUse.get(name) ?? version)]),
    );
  }
  return aligned;
}
