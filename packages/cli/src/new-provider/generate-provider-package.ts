import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../usage-error.js';
import { alignDependencyVersions, dependencyVersionsInUse } from './align-dependency-versions.js';
import { findTemplatesDirectory } from './find-templates-directory.js';
import { findWorkspaceRoot } from './find-workspace-root.js';
import { providerNameProblem, providerNames } from './provider-names.js';
import { defaultProviderTemplate, providerTemplateNames, type ProviderTemplate } from './provider-templates.js';
import { readTemplateFiles, templateSuffix, type TemplateFile } from './read-template-files.js';
import { readWorkspace, type PackageManifest, type Workspace } from './read-workspace.js';
import { renderTemplate } from './render-template.js';
import { isWorkspacePackagePath } from './workspace-patterns.js';
import { TemplateError } from './template-error.js';

/** What to generate, and where. */
export interface GenerateProviderOptions {
  /** The provider's NAME: lowercase letters, digits and dashes, e.g. `acme-chat`. */
  name: string;
  /** Default `http`. */
  template?: ProviderTemplate;
  /** A folder inside the workspace; its root is the nearest folder upwards holding `pnpm-workspace.yaml`. */
  cwd: string;
  /** The folder, relative to the workspace root, that receives `provider-NAME`. Default `packages`. */
  directory?: string;
  /** Write into an existing `provider-NAME` folder, replacing the files of the same name. */
  force?: boolean;
  /** Where the templates are. Default: the `templates` folder of this package. */
  templatesDirectory?: string;
}

/** A package written by {@link generateProviderPackage}. */
export interface GeneratedProviderPackage {
  /** `@switchboard/provider-NAME`. */
  packageName: string;
  template: ProviderTemplate;
  workspaceRoot: string;
  /** The package folder, absolute. */
  directory: string;
  /** The package folder relative to the workspace root, `/`-separated, e.g. `packages/provider-acme-chat`. */
  path: string;
  /** The files written, relative to the package folder, sorted. */
  files: string[];
  /** Whether `pnpm-workspace.yaml` covers the folder; pnpm links the package only when it does. */
  inWorkspace: boolean;
}

/**
 * Writes `provider-NAME` from a template into the workspace around `cwd`: placeholders
 * rendered, workspace packages as `workspace:*`, third-party dependencies at the version the
 * workspace already uses (else the template's). Throws `UsageError` for an invalid name,
 * outside a workspace, for an existing folder without `force`, or when the workspace lacks a
 * package the template needs; `TemplateError` for a broken template.
 */
export async function generateProviderPackage(options: GenerateProviderOptions): Promise<GeneratedProviderPackage> {
  const problem = providerNameProblem(options.name);
  if (problem !== undefined) throw new UsageError(problem);
  const template = options.template ?? defaultProviderTemplate;
  if (!providerTemplateNames.includes(template)) {
    throw new UsageError(`There is no "${template}" template; choose one of ${providerTemplateNames.join(', ')}.`);
  }
  const workspace = readWorkspace(workspaceRootAround(options.cwd));
  const names = providerNames(options.name);
  const packageName = `@switchboard/provider-${names.name}`;
  const directory = resolve(workspace.root, options.directory ?? 'packages', `provider-${names.name}`);
  const path = toPosix(relative(workspace.root, directory));
  checkTarget(workspace, { directory, path, packageName, force: options.force === true });
  const values = { ...names, packageName, rootPath: toPosix(relative(directory, workspace.root)) };
  const templateFiles = readTemplateFiles(options.templatesDirectory ?? findTemplatesDirectory(), template);
  const files = templateFiles.map((file) => renderFile(file, values, template));
  const manifest = files.find((file) => file.path === 'package.json');
  if (manifest === undefined) throw new TemplateError(`The ${template} template has no package.json${templateSuffix}; reinstall @switchboard/cli.`);
  manifest.text = `${JSON.stringify(completeManifest(JSON.parse(manifest.text) as PackageManifest, workspace, template), null, 2)}\n`;
  for (const file of files) {
    const target = join(directory, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  return {
    packageName,
    template,
    workspaceRoot: workspace.root,
    directory,
    path,
    files: files.map((file) => file.path),
    inWorkspace: isWorkspacePackagePath(path, workspace.patterns),
  };
}

function workspaceRootAround(cwd: string): string {
  const root = findWorkspaceRoot(cwd);
  if (root === undefined) {
    throw new UsageError(
      `${cwd} is not inside a pnpm workspace: no pnpm-workspace.yaml there or in a folder above. Run the command in the Switchboard repository (or your fork of it).`,
    );
  }
  if (!existsSync(join(root, 'tsconfig.base.json'))) {
    throw new UsageError(`The workspace at ${root} has no tsconfig.base.json, which every generated package extends; run the command in the Switchboard repository.`);
  }
  return root;
}

function checkTarget(workspace: Workspace, target: { directory: string; path: string; packageName: string; force: boolean }): void {
  if (target.path.startsWith('../') || isAbsolute(target.path)) {
    throw new UsageError(`--dir must name a folder inside the workspace ${workspace.root}.`);
  }
  if (existsSync(target.directory)) {
    if (!statSync(target.directory).isDirectory()) throw new UsageError(`${target.path} exists and is not a folder; remove it or choose another name.`);
    if (!target.force) throw new UsageError(`${target.path} already exists; choose another name, or pass --force to write over the files of the same name in it.`);
  }
  const other = workspace.packages.find((entry) => entry.manifest.name === target.packageName && entry.path !== target.path);
  if (other !== undefined) throw new UsageError(`The workspace already has ${target.packageName} in ${other.path}; choose another name.`);
}

function renderFile(file: TemplateFile, values: Record<string, string>, template: string): TemplateFile {
  const source = `the ${template} template's ${file.path}${templateSuffix}`;
  return { path: renderTemplate(file.path, values, source), text: renderTemplate(file.text, values, source) };
}

function completeManifest(manifest: PackageManifest, workspace: Workspace, template: string): PackageManifest {
  const workspaceNames = new Set(workspace.packages.map((entry) => entry.manifest.name));
  const missing = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })
    .filter(([name, version]) => version.startsWith('workspace:') && !workspaceNames.has(name))
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new UsageError(
      `The ${template} template builds on ${missing.join(', ')}, which the workspace at ${workspace.root} does not have; run the command in the Switchboard repository.`,
    );
  }
  const manifests = [workspace.rootManifest, ...workspace.packages.map((entry) => entry.manifest)];
  return alignDependencyVersions(manifest, dependencyVersionsInUse(manifests));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
