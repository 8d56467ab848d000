import { QwenSpaceEmulatorPool } from '@switchboard/provider-qwen2-72b/testing';
import { startOpenAIEmulator, type OpenAIEmulator } from '@switchboard/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';

const spaces = new QwenSpaceEmulatorPool();
const upstreams: OpenAIEmulator[] = [];
afterEach(async () => {
  await spaces.closeAll();
  await Promise.all(upstreams.splice(0).map((upstream) => upstream.close()));
});

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject();
});
afterAll(() => project.remove());

const key = { LOCAL_LLM_KEY: 'local-secret' };

/**
 * A Space emulator and a local OpenAI-compatible server both serving `qwen-2-72b`. The
 * local server's entry comes first in the file, but its lower priority puts it second.
 */
async function fallbackProject(spaceFault?: { kind: 'queue-full' }) {
  const space = await spaces.start({ answer: 'from the Space', fault: spaceFault });
  const local = await startOpenAIEmulator({ answer: 'from the local server', apiKey: key.LOCAL_LLM_KEY, models: ['qwen2.5:72b'] });
  upstreams.push(local);
  const config = await project.write(`fallback-${Math.random().toString(36).slice(2)}.json`, {
    providers: [
      {
        openaiCompatible: {
          name: 'LocalOllama',
          baseUrl: local.baseUrl,
          apiKeyEnv: 'LOCAL_LLM_KEY',
          models: ['qwen2.5:72b'],
          modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' },
          priority: -1,
        },
      },
      { package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: space.url } },
    ],
    defaultModel: 'qwen-2-72b',
    routing: { retry: { maxAttempts: 1 } },
  });
  return { space, local, config };
}

const joins = (space: { requests: Array<{ path: string }> }) => space.requests.filter((request) => request.path.endsWith('/queue/join'));

describe('an openaiCompatible entry as the fallback of the Qwen Space', () => {
  it('answers from the Space while it is healthy, without calling the local server', async () => {
    const { space, local, config } = await fallbackProject();
    const run = await runCli(['chat', '-c', config, 'hi'], { cwd: project.directory, env: key });
    expect(run.stdout).toBe('from the Space\n');
    expect(run.code).toBe(0);
    expect(joins(space)).toHaveLength(1);
    expect(local.chatRequests).toBe(0);
  });

  it('answers from the local server when the Space\'s queue is full, with the key from the environment', async () => {
    const { space, local, config } = await fallbackProject({ kind: 'queue-full' });
    const run = await runCli(['chat', '-c', config, 'hi'], { cwd: project.directory, env: key });
    expect(run.stdout).toBe('from the local server\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Falling back from Qwen_Qwen_2_72B to LocalOllama');
    expect(joins(space)).toHaveLength(1);
    const [request] = local.requests.filter((received) => received.path === '/v1/chat/completions');
    expect(request!.headers.authorization).toBe('Bearer local-secret');
    expect(request!.body).toMatchObject({ model: 'qwen2.5:72b', messages: [{ role: 'user', content: 'hi' }], stream: true });
  });

  it('lists the entry with its priority and without its key', async () => {
    const { config } = await fallbackProject();
    const run = await runCli(['providers', '--json', '-c', config], { cwd: project.directory, env: key });
    const { providers } = JSON.parse(run.stdout) as { providers: Array<{ name: string; priority?: number; needsAuth: boolean }> };
    expect(providers.map(({ name, priority, needsAuth }) => ({ name, priority, needsAuth }))).toEqual([
      { name: 'LocalOllama', priority: -1, needsAuth: true },
      { name: 'Qwen_Qwen_2_72B', priority: undefined, needsAuth: false },
    ]);
    expect(run.stdout).not.toContain('local-secret');
  });

  it('exits 2 naming the variable when the API key is not in the environment', async () => {
    const { config, local } = await fallbackProject();
    const run = await runCli(['chat', '-c', config, 'hi'], { cwd: project.directory, env: { LOCAL_LLM_KEY: '' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `CONFIG_INVALID: ${config}: providers[0].openaiCompatible.apiKeyEnv: the environment variable LOCAL_LLM_KEY is not set; ` +
        `set it to the API key of ${local.baseUrl}, or remove "apiKeyEnv" if the server needs no key\n`,
    );
  });

  it('loads the documented configuration: the Space first for qwen-2-72b, the local Ollama second', async () => {
    const config = await project.write('space-then-ollama.json', {
      providers: [
        { package: '@switchboard/provider-qwen2-72b' },
        {
          openaiCompatible: {
            name: 'LocalOllama',
            label: 'Ollama on this machine',
            baseUrl: 'http://127.0.0.1:11434/v1',
            models: ['qwen2.5:72b'],
            modelAliases: { 'qwen-2-72b': 'qwen2.5:72b' },
            priority: -1,
          },
        },
      ],
      defaultModel: 'qwen-2-72b',
      routing: {
        timeouts: { connectMs: 15_000, queueMs: 60_000, firstTokenMs: 180_000, idleMs: 60_000 },
        retry: { maxAttempts: 1 },
        circuit: { failureThreshold: 3, cooldownMs: 120_000 },
      },
      server: { host: '127.0.0.1', port: 8787, graceMs: 10_000 },
    });
    const run = await runCli(['models', '--json', '-c', config], { cwd: project.directory });
    expect(run.stderr).toBe('');
    const { models } = JSON.parse(run.stdout) as { models: Array<{ name: string; providers: Array<{ provider: string; model: string }> }> };
    expect(models.find((listing) => listing.name === 'qwen-2-72b')?.providers).toEqual([
      { provider: 'Qwen_Qwen_2_72B', model: 'qwen-qwen2-72b-instruct' },
      { provider: 'LocalOllama', model: 'qwen2.5:72b' },
    ]);
  });

  it('exits 2 naming an unknown field of the entry', async () => {
    const config = await project.write('unknown-field.json', {
      providers: [{ openaiCompatible: { name: 'LocalOllama', baseUrl: 'http://127.0.0.1:11434/v1', models: ['qwen2.5:72b'], timeoutMs: 5_000 } }],
    });
    const run = await runCli(['models', '-c', config], { cwd: project.directory });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^CONFIG_INVALID: .*unknown-field\.json: providers\[0\]\.openaiCompatible: .*"timeoutMs"/);
  });
});
