import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWorkspace, fakeSwitchboardPackages, type FakeWorkspace } from '../../test/fake-workspace.js';
import { UsageError } from '../usage-error.js';
import { findTemplatesDirectory } from './find-templates-directory.js';
import { generateProviderPackage } from './generate-provider-package.js';
import { readTemplateFiles } from './read-template-files.js';

const workspaces: FakeWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

async function workspace(options: Parameters<typeof createFakeWorkspace>[0] = {}): Promise<FakeWorkspace> {
  const created = await createFakeWorkspace(options);
  workspaces.push(created);
  return created;
}

describe('generateProviderPackage', () => {
  it('writes every file of the template, rendered, into packages/provider-NAME', async () => {
    const { root, read } = await workspace();
    const generated = await generateProviderPackage({ name: 'acme-chat', template: 'http', cwd: root });
    const templateFiles = readTemplateFiles(findTemplatesDirectory(), 'http').map((file) => file.path.replaceAll('__name__', 'acme-chat'));
    expect(generated).toEqual({
      packageName: '@switchboard/provider-acme-chat',
      template: 'http',
      workspaceRoot: root,
      directory: join(root, 'packages', 'provider-acme-chat'),
      path: 'packages/provider-acme-chat',
      files: templateFiles,
      inWorkspace: true,
    });
    for (const file of generated.files) expect(await read(`packages/provider-acme-chat/${file}`)).not.toMatch(/__[A-Za-z]\w*__/);
    expect(await read('packages/provider-acme-chat/src/acme-chat-provider.ts')).toContain('export class AcmeChatProvider extends BaseProvider');
  });

  it('takes third-party versions from the workspace, keeps the pin of a package it does not use yet, and links workspace packages', async () => {
    const { root, read } = await workspace();
    await generateProviderPackage({ name: 'acme-space', template: 'gradio', cwd: root });
    const manifest = JSON.parse(await read('packages/provider-acme-space/package.json'));
    expect(manifest.dependencies).toEqual({
      '@switchboard/core': 'workspace:*',
      '@switchboard/gradio': 'workspace:*',
      '@switchboard/gradio-emulator': 'workspace:*',
      'reflect-metadata': '0.2.1',
      undici: '7.29.0',
    });
    await generateProviderPackage({ name: 'acme-http', template: 'http', cwd: root });
    const httpManifest = JSON.parse(await read('packages/provider-acme-http/package.json'));
    expect(httpManifest.dependencies['eventsource-parser']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(httpManifest.dependencies.undici).toBe('7.29.0');
    expect(httpManifest.devDependencies).toEqual({ '@switchboard/testing': 'workspace:*' });
  });

  it('finds the workspace root from a folder inside it, and places the package under --dir', async () => {
    const { root, read } = await workspace({ patterns: ['packages/*', 'vendor/providers/*'] });
    await mkdir(join(root, 'packages', 'core', 'src'), { recursive: true });
    const generated = await generateProviderPackage({ name: 'acme', template: 'openai-compatible', cwd: join(root, 'packages', 'core', 'src'), directory: 'vendor/providers' });
    expect(generated).toMatchObject({ path: 'vendor/providers/provider-acme', workspaceRoot: root, inWorkspace: true });
    expect(JSON.parse(await read('vendor/providers/provider-acme/tsconfig.json')).extends).toBe('../../../tsconfig.base.json');
    const elsewhere = await generateProviderPackage({ name: 'acme-two', template: 'http', cwd: root, directory: 'providers' });
    expect(elsewhere).toMatchObject({ path: 'providers/provider-acme-two', inWorkspace: false });
  });

  it('refuses an existing folder unless forced, then replaces the files of the same name and keeps the others', async () => {
    const { root, write, read } = await workspace();
    await write('packages/provider-acme/src/acme-provider.ts', '// my own work\n');
    await write('packages/provider-acme/notes.md', 'keep me\n');
    const again = () => generateProviderPackage({ name: 'acme', cwd: root });
    await expect(again()).rejects.toThrow(new UsageError('packages/provider-acme already exists; choose another name, or pass --force to write over the files of the same name in it.'));
    expect(await read('packages/provider-acme/src/acme-provider.ts')).toBe('// my own work\n');
    await generateProviderPackage({ name: 'acme', cwd: root, force: true });
    expect(await read('packages/provider-acme/src/acme-provider.ts')).toContain('export class AcmeProvider');
    expect(await read('packages/provider-acme/notes.md')).toBe('keep me\n');
  });

  it('refuses a name another folder of the workspace already uses, and a folder outside the workspace', async () => {
    const { root } = await workspace({ packages: { ...fakeSwitchboardPackages, 'packages/acme-old': { name: '@switchboard/provider-acme' } } });
    await expect(generateProviderPackage({ name: 'acme', cwd: root })).rejects.toThrow('The workspace already has @switchboard/provider-acme in packages/acme-old; choose another name.');
    await expect(generateProviderPackage({ name: 'other', cwd: root, directory: '..' })).rejects.toThrow(`--dir must name a folder inside the workspace ${root}.`);
    expect(existsSync(join(root, '..', 'provider-other'))).toBe(false);
  });

  it('refuses to run outside a workspace, or in one without the packages the template builds on, writing nothing', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'switchboard-no-workspace-'));
    try {
      await expect(generateProviderPackage({ name: 'acme', cwd: outside })).rejects.toThrow(/is not inside a pnpm workspace: no pnpm-workspace.yaml there or in a folder above/);
      await writeFile(join(outside, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
      await expect(generateProviderPackage({ name: 'acme', cwd: outside })).rejects.toThrow(/has no tsconfig.base.json, which every generated package extends/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
    const { 'packages/gradio-emulator': _emulator, ...withoutEmulator } = fakeSwitchboardPackages;
    const { root } = await workspace({ packages: withoutEmulator });
    await expect(generateProviderPackage({ name: 'acme', template: 'gradio', cwd: root })).rejects.toThrow(
      `The gradio template builds on @switchboard/gradio-emulator, which the workspace at ${root} does not have; run the command in the Switchboard repository.`,
    );
    expect(existsSync(join(root, 'packages', 'provider-acme'))).toBe(false);
  });

  it('refuses an invalid name and an unknown template with what to give instead', async () => {
    const { root } = await workspace();
    await expect(generateProviderPackage({ name: 'Acme', cwd: root })).rejects.toThrow(UsageError);
    await expect(generateProviderPackage({ name: 'acme', cwd: root, template: 'grpc' as never })).rejects.toThrow(
      'There is no "grpc" template; choose one of http, openai-compatible, gradio.',
    );
  });
});
