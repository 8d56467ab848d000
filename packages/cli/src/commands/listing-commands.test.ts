import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject();
  await project.addEchoProvider('echo.mjs');
  await project.write('both.json', { providers: [{ package: '@switchboard/provider-qwen2-72b' }, { module: './echo.mjs' }], defaultModel: 'qwen-2-72b' });
});
afterAll(() => project.remove());

describe('switchboard models', () => {
  it('prints JSON only on stdout with each alias, what it resolves to and who serves it', async () => {
    const run = await runCli(['models', '--json'], { cwd: project.directory });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const listing = JSON.parse(run.stdout);
    expect(listing.models).toContainEqual({ name: 'qwen-2-72b', alias: true, providers: [{ provider: 'Qwen_Qwen_2_72B', model: 'qwen-qwen2-72b-instruct' }] });
    expect(listing.models).toContainEqual({ name: 'qwen-qwen2-72b-instruct', alias: false, providers: [{ provider: 'Qwen_Qwen_2_72B', model: 'qwen-qwen2-72b-instruct' }] });
  });

  it('prints a table, marking the default model', async () => {
    const run = await runCli(['models', '-c', 'both.json'], { cwd: project.directory });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^MODEL\s+PROVIDERS/);
    expect(lines).toContainEqual(expect.stringMatching(/^qwen-2-72b \(default\)\s+Qwen_Qwen_2_72B → qwen-qwen2-72b-instruct$/));
    expect(lines).toContainEqual(expect.stringMatching(/^echo\s+TestEcho → echo-1$/));
    expect(lines).toHaveLength(5);
  });
});

describe('switchboard providers', () => {
  it('prints JSON with metadata and health', async () => {
    const run = await runCli(['providers', '--json', '-c', 'both.json'], { cwd: project.directory });
    expect(run.code).toBe(0);
    const { providers } = JSON.parse(run.stdout);
    expect(providers.map((provider: { name: string }) => provider.name)).toEqual(['Qwen_Qwen_2_72B', 'TestEcho']);
    expect(providers[0]).toMatchObject({ label: 'Qwen Qwen-2.72B', modelAliases: { 'qwen-2-72b': 'qwen-qwen2-72b-instruct' } });
    expect(providers[1].health).toMatchObject({ provider: 'TestEcho', state: 'closed', working: true, consecutiveFailures: 0 });
  });

  it('prints a table with health', async () => {
    const run = await runCli(['providers', '-c', 'both.json'], { cwd: project.directory });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+LABEL\s+HEALTH\s+MODELS AND ALIASES\s+URL$/);
    expect(lines[2]).toMatch(/^TestEcho\s+Echo for tests\s+working\s+echo-1, echo\s+https:\/\/example\.com\/echo$/);
  });
});
