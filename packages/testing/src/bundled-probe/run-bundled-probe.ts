import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** What {@link runBundledProbe} asks of the bundler: the subset of tsup's build options it sets. */
export interface ProbeBuildOptions {
  entry: Record<string, string>;
  outDir: string;
  format: ['esm'];
  target: 'node20';
  platform: 'node';
  tsconfig: string;
  noExternal: RegExp[];
  esbuildOptions(options: { conditions?: string[] }): void;
  silent: boolean;
  config: false;
}

/** The bundler {@link runBundledProbe} uses: pass `build` from `tsup`. */
export type ProbeBundler = (options: ProbeBuildOptions) => Promise<unknown>;

/** Settings of {@link runBundledProbe}. */
export interface BundledProbeOptions {
  /** The probe, a TypeScript file that prints one JSON value on stdout. */
  entry: string;
  /**
   * The tsconfig the build reads. With `emitDecoratorMetadata`, tsup compiles through swc and
   * emits `design:paramtypes`; without it, esbuild emits no decorator metadata, like most bundlers.
   */
  tsconfig: string;
  /**
   * The package the probe tests. The bundle is written under its `node_modules` (so that the
   * dependencies left out of the bundle resolve as the package's own) and runs in this folder.
   */
  packageRoot: string;
}

/**
 * Bundles a probe file the way an application's build would, then runs it with Node and
 * returns what it printed, parsed as JSON. The `@switchboard/*` packages are bundled from
 * their sources; other dependencies stay external. The bundle is removed afterwards.
 *
 * A provider package uses it to prove that registration and settings injection work in
 * builds without decorator metadata, e.g. with `import { build } from 'tsup'`:
 * `expect(await runBundledProbe(build, { entry, tsconfig: probeTsconfigWithoutMetadata, packageRoot })).toEqual(...)`.
 */
export async function runBundledProbe(build: ProbeBundler, options: BundledProbeOptions): Promise<unknown> {
  const modulesFolder = path.join(options.packageRoot, 'node_modules');
  await mkdir(modulesFolder, { recursive: true });
  const outDir = await mkdtemp(path.join(modulesFolder, '.bundled-probe-'));
  try {
    await build({
      entry: { probe: options.entry },
      outDir,
      format: ['esm'],
      target: 'node20',
      platform: 'node',
      tsconfig: options.tsconfig,
      noExternal: [/^@switchboard\//],
      esbuildOptions(esbuild) {
        esbuild.conditions = ['switchboard-source'];
      },
      silent: true,
      config: false,
    });
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(outDir, 'probe.js')], { cwd: options.packageRoot });
    try {
      return JSON.parse(stdout);
    } catch {
      throw new Error(`The probe ${options.entry} must print one JSON value on stdout; it printed: ${stdout.slice(0, 200) || '(nothing)'}`);
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
