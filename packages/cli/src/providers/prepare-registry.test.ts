import { QwenSpaceEmulatorPool } from '@switchboard/provider-qwen2-72b/testing';
import { startConnectProxy, type ConnectProxy } from '@switchboard/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';
import { emulatorAnswer } from '../emulator-answer.js';

const emulators = new QwenSpaceEmulatorPool();
const proxies: ConnectProxy[] = [];
afterEach(async () => {
  await emulators.closeAll();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject();
  await project.addEchoProvider('echo.mjs');
});
afterAll(() => project.remove());

describe('registry settings from the configuration', () => {
  it('applies the routing time limits', async () => {
    await project.write('timeouts.json', {
      providers: [{ module: './echo.mjs', settings: { chunkDelayMs: 100, repeat: 50 } }],
      routing: { timeouts: { totalMs: 600 } },
    });
    const run = await runCli(['chat', '-c', 'timeouts.json', 'hi'], { cwd: project.directory });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^TIMEOUT: Timed out after 600 ms for the whole request/);
  });

  it('sends upstream requests through the configured proxy', async () => {
    const emulator = await emulators.start({ answer: 'through the proxy' });
    const proxy = await startConnectProxy();
    proxies.push(proxy);
    await project.write('proxy.json', { providers: [{ package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: emulator.url } }], proxy: proxy.url });
    const run = await runCli(['chat', '-c', 'proxy.json', 'hi'], { cwd: project.directory });
    expect(run.stdout).toBe('through the proxy\n');
    expect(proxy.tunnels).toContain(new URL(emulator.url).host);
  });

  it('points the Qwen provider at the emulator with --emulator, even when the configuration names another Space', async () => {
    await project.write('qwen-elsewhere.json', {
      providers: [{ module: './echo.mjs' }, { package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: 'http://127.0.0.1:9' } }],
      defaultModel: 'qwen-2-72b',
    });
    const run = await runCli(['chat', '-c', 'qwen-elsewhere.json', '--emulator', 'hi'], { cwd: project.directory });
    expect(run.stdout).toBe(`${emulatorAnswer('hi', [])}\n`);
  });

  it('adds the Qwen provider for --emulator when the configuration does not list it', async () => {
    await project.write('echo-only.json', { providers: [{ module: './echo.mjs' }] });
    const run = await runCli(['chat', '-c', 'echo-only.json', '--emulator', '-m', 'qwen-2-72b', 'hi'], { cwd: project.directory });
    expect(run.stdout).toBe(`${emulatorAnswer('hi', [])}\n`);
  });
});
