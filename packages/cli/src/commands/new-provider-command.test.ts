import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli as runBuiltCli } from '../../test/cli-process.js';
import { createFakeWorkspace, type FakeWorkspace } from '../../test/fake-workspace.js';
import { runCli } from '../run-cli.js';

const workspaces: FakeWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

async function workspace(patterns?: string[]): Promise<FakeWorkspace> {
  const created = await createFakeWorkspace({ patterns });
  workspaces.push(created);
  return created;
}

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
  stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr, env, cwd }, new EventEmitter());
  return { code, stdout: out, stderr: err };
}

/** A `pnpm` executable that records its folder and arguments in `record`, then exits with FAKE_PNPM_EXIT (default 0). */
async function fakePnpm(folder: string): Promise<{ bin: string; record: string }> {
  const bin = join(folder, 'fake-bin');
  await mkdir(bin, { recursive: true });
  const record = join(folder, 'pnpm-calls.txt');
  await writeFile(join(bin, 'pnpm'), '#!/bin/sh\n{ pwd; echo "$*"; } > "$FAKE_PNPM_RECORD"\nexit "${FAKE_PNPM_EXIT:-0}"\n');
  await chmod(join(bin, 'pnpm'), 0o755);
  return { bin, record };
}

describe('switchboard new provider', () => {
  it('creates the package from the template asked for, lists its files and prints the next steps', async () => {
    const { root } = await workspace();
    const result = await run(['new', 'provider', 'acme-chat', '--template', 'openai-compatible'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Created @switchboard/provider-acme-chat in packages/provider-acme-chat from the openai-compatible template:');
    expect(lines).toContain('  packages/provider-acme-chat/src/conformance.test.ts');
    expect(lines).toContain('  packages/provider-acme-chat/src/acme-chat-provider.ts');
    expect(result.stdout).toContain(`\nNext steps, in ${root}:\n  pnpm install\n  pnpm --filter @switchboard/provider-acme-chat test\n`);
    expect(await readFile(join(root, 'packages/provider-acme-chat/src/acme-chat-provider.ts'), 'utf8')).toContain('extends OpenAICompatibleProvider');
  });

  it('answers a bad name, an unknown template or an existing folder with a usage error (exit 2) saying what to do', async () => {
    const { root } = await workspace();
    const badName = await run(['new', 'provider', 'Acme_Chat'], root);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/^USAGE: .*"Acme_Chat" is not a valid provider name: use lowercase letters, digits and single dashes/);
    const badTemplate = await run(['new', 'provider', 'acme', '--template', 'grpc'], root);
    expect(badTemplate.code).toBe(2);
    expect(badTemplate.stderr).toMatch(/^USAGE: option '-t, --template <template>' argument 'grpc' is invalid\. Allowed choices are http, openai-compatible, gradio\./);
    expect((await run(['new', 'provider', 'acme'], root)).code).toBe(0);
    const existing = await run(['new', 'provider', 'acme'], root);
    expect(existing).toMatchObject({ code: 2, stdout: '' });
    expect(existing.stderr).toBe('USAGE: packages/provider-acme already exists; choose another name, or pass --force to write over the files of the same name in it.\n');
    expect(existsSync(join(root, 'packages/provider-grpc'))).toBe(false);
  });

  it('warns when pnpm-workspace.yaml does not cover the folder it wrote', async () => {
    const { root } = await workspace(['packages/*']);
    const result = await run(['new', 'provider', 'acme', '--dir', 'providers'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Warning: pnpm-workspace.yaml does not cover providers/provider-acme; add it to "packages" there, or pnpm will not link the package.\n');
  });

  it('runs pnpm install in the workspace root with --install, and fails with exit 1 when pnpm fails or is missing', async () => {
    const { root } = await workspace();
    const { bin, record } = await fakePnpm(root);
    const env = { PATH: `${bin}:${process.env.PATH}`, FAKE_PNPM_RECORD: record };
    const installed = await run(['new', 'provider', 'acme', '--install'], join(root, 'packages'), env);
    expect(installed.code).toBe(0);
    expect(await readFile(record, 'utf8')).toBe(`${root}\ninstall\n`);
    expect(installed.stdout).toContain(`Running pnpm install in ${root}\n\nNext steps, in ${root}:\n  pnpm --filter @switchboard/provider-acme test\n`);
    const failed = await run(['new', 'provider', 'acme-two', '--install'], root, { ...env, FAKE_PNPM_EXIT: '3' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`INSTALL_FAILED: pnpm install failed (exit code 3); the package is written: fix what pnpm reported above, then run pnpm install in ${root}.\n`);
    expect(existsSync(join(root, 'packages/provider-acme-two/package.json'))).toBe(true);
    const missing = await run(['new', 'provider', 'acme-three', '--install'], root, { PATH: join(root, 'no-such-bin') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^INSTALL_FAILED: pnpm was not found on PATH; install it \(npm install -g pnpm@10\), then run pnpm install in /);
  });

  it('describes its options and templates', async () => {
    const help = await run(['new', 'provider', '--help'], process.cwd());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: switchboard new provider \[options\] <name>/);
    for (const text of ['--template <template>', '--dir <dir>', '--force', '--install', 'openai-compatible', 'gradio', 'pnpm-workspace.yaml']) expect(help.stdout).toContain(text);
    expect((await run(['new', '--help'], process.cwd())).stdout).toContain('provider [options] <name>');
  });
});

describe('the installed command', () => {
  it('finds its templates and writes the http template by default', async () => {
    const { root, read } = await workspace();
    const result = await runBuiltCli(['new', 'provider', 'acme'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('from the http template:');
    expect(await read('packages/provider-acme/src/acme-provider.ts')).toContain('export class AcmeProvider extends BaseProvider');
  });
});
