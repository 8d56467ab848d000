import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject();
  await project.addEchoProvider('providers/echo.mjs');
  await project.write('providers/registers-nothing.mjs', 'export const nothing = 1;\n');
  await project.write('providers/throws.mjs', "throw new Error('the module is broken');\n");
  await project.write('node_modules/local-echo/package.json', { name: 'local-echo', type: 'module', exports: { '.': { import: './index.mjs' } } });
  await copyFile(join(project.directory, 'providers/echo.mjs'), join(project.directory, 'node_modules/local-echo/index.mjs'));
});
afterAll(() => project.remove());

async function providerNames(args: string[], cwd = project.directory): Promise<string[]> {
  const run = await runCli(['providers', '--json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { providers: Array<{ name: string }> }).providers.map((provider) => provider.name);
}

async function configFailure(config: object | string): Promise<string> {
  const file = await project.write(`bad-${Math.random().toString(36).slice(2)}.json`, config);
  const run = await runCli(['models', '--config', file], { cwd: project.directory });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  return run.stderr;
}

describe('providers from the configuration', () => {
  it('loads a module path relative to the configuration file, and only what the file lists', async () => {
    await project.write('deploy/gateway.json', { providers: [{ module: '../providers/echo.mjs' }] });
    expect(await providerNames(['--config', 'deploy/gateway.json'])).toEqual(['TestEcho']);
  });

  it('loads a package installed in the working directory', async () => {
    await project.write('local.json', { providers: [{ package: 'local-echo', settings: { prefix: 'local' } }] });
    const run = await runCli(['chat', '-c', 'local.json', 'hi'], { cwd: project.directory });
    expect(run.stdout).toBe('local[echo-1] turns=1 user:hi\n');
  });

  it('loads a package from the command\'s own dependencies, next to a module', async () => {
    await project.write('both.json', { providers: [{ package: '@switchboard/provider-qwen2-72b' }, { module: './providers/echo.mjs', name: 'TestEcho' }], defaultModel: 'echo' });
    expect(await providerNames(['-c', 'both.json'])).toEqual(['Qwen_Qwen_2_72B', 'TestEcho']);
    const run = await runCli(['models', '--json', '-c', 'both.json'], { cwd: project.directory });
    expect(JSON.parse(run.stdout).defaultModel).toBe('echo');
  });

  it('uses switchboard.config.json from the working directory without --config', async () => {
    const cwd = join(project.directory, 'with-default');
    await project.write('with-default/switchboard.config.json', { providers: [{ module: '../providers/echo.mjs' }] });
    expect(await providerNames([], cwd)).toEqual(['TestEcho']);
  });

  it('loads the Qwen provider when there is no configuration', async () => {
    expect(await providerNames([])).toEqual(['Qwen_Qwen_2_72B']);
  });
});

describe('configuration errors exit 2 naming the file and the field', () => {
  it('a package that cannot be found', async () => {
    const stderr = await configFailure({ providers: [{ package: 'no-such-provider-package' }] });
    expect(stderr).toMatch(/^CONFIG_INVALID: \/.*\.json: providers\[0\]\.package: cannot find "no-such-provider-package" from /);
  });

  it('a module that throws while loading', async () => {
    const stderr = await configFailure({ providers: [{ module: './providers/echo.mjs' }, { module: './providers/throws.mjs' }] });
    expect(stderr).toMatch(/providers\[1\]\.module: importing "\.\/providers\/throws\.mjs" failed: the module is broken/);
  });

  it('a module that registers no provider', async () => {
    const stderr = await configFailure({ providers: [{ module: './providers/registers-nothing.mjs' }] });
    expect(stderr).toContain('providers[0].module: "./providers/registers-nothing.mjs" registered no provider');
  });

  it('a provider name the module does not register', async () => {
    const stderr = await configFailure({ providers: [{ module: './providers/echo.mjs', name: 'Echo', settings: {} }] });
    expect(stderr).toContain('providers[0].name: "./providers/echo.mjs" registers no provider named "Echo"; it registers TestEcho');
  });

  it('a default model no provider serves', async () => {
    const stderr = await configFailure({ providers: [{ module: './providers/echo.mjs' }], defaultModel: 'qwen-2-72b' });
    expect(stderr).toContain('defaultModel: no loaded provider serves "qwen-2-72b"; use one of echo-1, echo');
  });

  it('a field of the wrong kind', async () => {
    const stderr = await configFailure({ providers: [{ module: './providers/echo.mjs' }], routing: { retry: { maxAttempts: 'three' } } });
    expect(stderr).toMatch(/^CONFIG_INVALID: .*: routing\.retry\.maxAttempts: /);
  });

  it('text that is not JSON', async () => {
    expect(await configFailure('{ "providers": ')).toMatch(/: not valid JSON \(/);
  });
});
