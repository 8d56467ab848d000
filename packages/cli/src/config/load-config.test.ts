import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig, parseConfig } from './load-config.js';

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '/project/switchboard.config.json');
  } catch (error) {
    if (ConfigError.isInstance(error)) return error as ConfigError;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('parseConfig', () => {
  it('accepts the documented format', () => {
    const config = parseConfig(
      JSON.stringify({
        providers: [
          { package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: 'http://127.0.0.1:7860' } },
          { module: './my-provider.mjs', name: 'Mine' },
        ],
        defaultModel: 'qwen-2-72b',
        proxy: 'http://user:secret@proxy.internal:3128',
        routing: { timeouts: { firstTokenMs: 30_000 }, retry: { maxAttempts: 2 }, circuit: { cooldownMs: 5_000 } },
        server: { host: '0.0.0.0', port: 8080, graceMs: 2_000 },
      }),
      'switchboard.config.json',
    );
    expect(config.providers[0]).toEqual({ package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: 'http://127.0.0.1:7860' } });
    expect(config.providers[1]).toEqual({ module: './my-provider.mjs', name: 'Mine' });
    expect(config.routing?.retry?.maxAttempts).toBe(2);
    expect(config.server?.port).toBe(8080);
  });

  it('names the file and the entry that has neither a package, a module nor an OpenAI-compatible upstream', () => {
    const error = configError(JSON.stringify({ providers: [{ package: 'a' }, { settings: {} }] }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.field).toBe('providers[1]');
    expect(error.message).toMatch(/^\/project\/switchboard\.config\.json: providers\[1\]: give one of "package" .*, "module" .* or "openaiCompatible"/);
  });

  it('refuses an entry with both a package and a module', () => {
    const error = configError(JSON.stringify({ providers: [{ package: 'a', module: './b.mjs' }] }));
    expect(error.field).toBe('providers[0]');
    expect(error.message).toContain('give only one of "package", "module" and "openaiCompatible"');
  });

  it('names a misspelt key instead of ignoring it', () => {
    const error = configError(JSON.stringify({ providers: [{ package: 'a' }], routing: { retries: { maxAttempts: 2 } } }));
    expect(error.field).toBe('routing');
    expect(error.message).toContain('"retries"');
  });

  it('names the path of a value of the wrong kind, and lists every problem', () => {
    const error = configError(JSON.stringify({ providers: [{ package: 'a' }], routing: { retry: { maxAttempts: 0 } }, server: { port: 'eighty' } }));
    expect(error.field).toBe('routing.retry.maxAttempts');
    expect(error.message).toContain('; server.port: ');
  });

  it('requires at least one provider', () => {
    expect(configError(JSON.stringify({ providers: [] })).message).toContain('providers: list at least one provider');
    expect(configError(JSON.stringify({ defaultModel: 'x' })).field).toBe('providers');
  });

  it('reports text that is not JSON', () => {
    const error = configError('{ "providers": [ ');
    expect(error.message).toMatch(/^\/project\/switchboard\.config\.json: not valid JSON \(/);
  });
});

describe('loadConfig', () => {
  const directories: string[] = [];
  afterEach(async () => {
    await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
  });

  async function project(): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), 'switchboard-config-'));
    directories.push(directory);
    return directory;
  }

  it('reads switchboard.config.json from the working directory when no path is given', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'switchboard.config.json'), JSON.stringify({ providers: [{ module: './p.mjs' }] }));
    const loaded = await loadConfig(undefined, cwd);
    expect(loaded).toEqual({ config: { providers: [{ module: './p.mjs' }] }, file: join(cwd, 'switchboard.config.json'), directory: cwd });
  });

  it('is undefined without a default file, but an explicit path must exist', async () => {
    const cwd = await project();
    expect(await loadConfig(undefined, cwd)).toBeUndefined();
    await expect(loadConfig('missing.json', cwd)).rejects.toThrow(`${join(cwd, 'missing.json')}: cannot read the configuration file: no such file`);
  });

  it('resolves an explicit path from the working directory and reports its directory', async () => {
    const cwd = await project();
    await mkdir(join(cwd, 'deploy'));
    await writeFile(join(cwd, 'deploy', 'gateway.json'), JSON.stringify({ providers: [{ package: 'x' }] }));
    const loaded = await loadConfig('deploy/gateway.json', cwd);
    expect(loaded?.directory).toBe(join(cwd, 'deploy'));
  });
});
