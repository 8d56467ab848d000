import { QwenSpaceEmulatorPool } from '@switchboard/provider-qwen2-72b/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CliProcess, runCli } from '../../test/cli-process.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';
import { emulatorAnswer } from '../emulator-answer.js';

const emulators = new QwenSpaceEmulatorPool();
afterEach(() => emulators.closeAll());

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject();
  await project.addEchoProvider('providers/echo.mjs');
  await project.write('echo.json', { providers: [{ module: './providers/echo.mjs', settings: { prefix: 'configured' } }] });
  await project.write('slow-echo.json', { providers: [{ module: './providers/echo.mjs', settings: { chunkDelayMs: 50, repeat: 20 } }] });
});
afterAll(() => project.remove());

describe('switchboard chat, one answer', () => {
  it('prints exactly the emulator answer and a newline, with the queue on stderr', async () => {
    const run = await runCli(['chat', '--emulator', 'hi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${emulatorAnswer('hi', [])}\n`);
    expect(run.stderr).toContain('Queued at position 2 of 2, about 1 s to go\n');
  });

  it('reads the prompt from standard input when none is given', async () => {
    const run = await runCli(['chat', '--emulator'], { input: 'What is a queue?\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${emulatorAnswer('What is a queue?', [])}\n`);
  });

  it('sends the system prompt and the chosen model', async () => {
    const run = await runCli(['chat', '--config', 'echo.json', '-m', 'echo', '--system', 'Be brief.', 'hello', 'there'], { cwd: project.directory });
    expect(run.stderr).toBe('Generating…\n');
    expect(run.stdout).toBe('configured[echo-1] turns=2 system:Be brief. | user:hello there\n');
  });

  it('exits 1 with CODE: message for a model no provider serves, printing nothing on stdout', async () => {
    const run = await runCli(['chat', '--config', 'echo.json', '-m', 'gpt-17', 'hi'], { cwd: project.directory });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^NO_PROVIDER_FOR_MODEL: No registered provider serves model "gpt-17".*echo/);
  });

  it('exits 2 when there is no prompt at all', async () => {
    const run = await runCli(['chat', '--emulator'], { input: '  \n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^USAGE: No prompt: pass the question as arguments/);
  });

  it('stops the answer on Ctrl-C and exits 130', async () => {
    const cli = new CliProcess(['chat', '--config', 'slow-echo.json', 'talk'], { cwd: project.directory });
    await cli.waitForStdout(/turns/);
    cli.child.kill('SIGINT');
    const run = await cli.exited;
    expect(run.code).toBe(130);
    expect(run.stdout.length).toBeLessThan('echo[echo-1] turns=1 user:talk'.length * 20);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^ABORTED: /);
  });
});

describe('the Qwen provider from the command line', () => {
  it('reaches the Space named by the configuration settings', async () => {
    const emulator = await emulators.start({ answer: (query, _history, system) => `[${system}] ${query} from the configured Space` });
    await project.write('qwen.json', { providers: [{ package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: emulator.url } }] });
    const run = await runCli(['chat', '-c', 'qwen.json', '-s', 'Be terse.', 'hello'], { cwd: project.directory });
    expect(run.stdout).toBe('[Be terse.] hello from the configured Space\n');
    expect(run.code).toBe(0);
  });

  it('still honours QWEN2_72B_URL without a configuration file', async () => {
    const emulator = await emulators.start({ answer: 'from the environment' });
    const run = await runCli(['chat', 'hello'], { cwd: project.directory, env: { QWEN2_72B_URL: emulator.url } });
    expect(run.stdout).toBe('from the environment\n');
    expect(emulator.requests.some((request) => request.path.endsWith('/queue/join'))).toBe(true);
  });

  it('exits 1 naming the upstream failure', async () => {
    const emulator = await emulators.start({ answer: 'unused', fault: { kind: 'app-error', message: null } });
    const run = await runCli(['chat', 'hello'], { cwd: project.directory, env: { QWEN2_72B_URL: emulator.url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^[A-Z_]+: .*Gradio app failed/);
  });
});
