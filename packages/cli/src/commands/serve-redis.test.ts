import { existsSync } from 'node:fs';
import { startQwenSpaceEmulator } from '@switchboard/provider-qwen2-72b/testing';
import { startRedisServer, type TestRedisServer } from '@switchboard/redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe, type CliProcess } from '../../test/cli-process.js';
import { GatewayRequests, waitUntil } from '../../test/gateway-requests.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';

const provider = 'Qwen_Qwen_2_72B';
const model = 'qwen-2-72b';
const prefix = 'serve-test:';
const quickAnswer = 'fine';
/** About 38 chunks of 40 ms (1.5 s): a request long enough for others to arrive while it runs. */
const slowQuestion = 'take your time';
const slowAnswer = Array.from({ length: 30 }, () => 'slow').join(' ');

describe('switchboard serve --redis: three gateways sharing one Redis', () => {
  let redis: TestRedisServer;
  let space: Awaited<ReturnType<typeof startQwenSpaceEmulator>>;
  let project: TempProject;
  let failing = false;
  const requests = new GatewayRequests();
  const gateways: Array<{ name: string; cli: CliProcess; url: string }> = [];
  const joins = () => space.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/queue/join')).length;
  const health = async (url: string) => (await requests.providers(url)).health.get(provider)!;

  beforeAll(async () => {
    if (!existsSync(new URL('../../../redis/dist/index.js', import.meta.url))) {
      throw new Error('The command loads the built @switchboard/redis; build it first: pnpm turbo run build --filter=@switchboard/cli^...');
    }
    redis = await startRedisServer();
    space = await startQwenSpaceEmulator({
      answer: (query) => (query === slowQuestion ? slowAnswer : quickAnswer),
      tokenSize: 4,
      tokenDelayMs: 40,
      fault: () => (failing ? { kind: 'join-status', status: 500 } : undefined),
    });
    project = await createTempProject();
    const config = {
      providers: [{ package: '@switchboard/provider-qwen2-72b', settings: { baseUrl: space.url } }],
      routing: { retry: { maxAttempts: 1 }, circuit: { failureThreshold: 3, cooldownMs: 2_000 }, maxConcurrency: { [provider]: 4 } },
      redis: { prefix, operationTimeoutMs: 500 },
    };
    await project.write('gateway.json', config);
    await project.write('gateway-with-url.json', { ...config, redis: { ...config.redis, url: redis.url } });
    const starting = [
      { name: 'A (--redis)', args: ['--redis', redis.url, '--config', 'gateway.json'], env: { SWITCHBOARD_REDIS_URL: '' } },
      { name: 'B (SWITCHBOARD_REDIS_URL)', args: ['--config', 'gateway.json'], env: { SWITCHBOARD_REDIS_URL: redis.url } },
      { name: 'C (redis.url)', args: ['--config', 'gateway-with-url.json'], env: { SWITCHBOARD_REDIS_URL: '' } },
    ].map(async ({ name, args, env }) => {
      const started = await startServe(args, { cwd: project.directory, env });
      gateways.push({ name, ...started });
    });
    const failed = (await Promise.allSettled(starting)).find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    gateways.sort((first, second) => first.name.localeCompare(second.name));
  });

  afterAll(async () => {
    gateways.forEach(({ cli }) => cli.stop());
    await Promise.all(gateways.map(({ cli }) => cli.exited.catch(() => undefined)));
    await requests.close();
    await space?.close();
    await redis?.stop();
    await project?.remove();
  });

  it('reports the shared store as connected, and every gateway takes the concurrency limit from the configuration', async () => {
    for (const { url } of gateways) {
      const report = await requests.providers(url);
      expect(report.store).toMatchObject({ kind: 'redis', shared: true, connected: true });
      expect(report.health.get(provider)).toMatchObject({ state: 'closed', maxConcurrency: 4, inFlight: 0 });
    }
  });

  it('opens the circuit for every gateway on failures seen through one, and then keeps requests from the upstream', async () => {
    const [a, b, c] = gateways.map((gateway) => gateway.url) as [string, string, string];
    failing = true;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await requests.chat(a, model, 'hi')).status).toBeGreaterThanOrEqual(500);
    expect(joins()).toBe(3);
    const openedAt = Date.now();
    await waitUntil(async () => (await health(b)).state === 'open' && (await health(c)).state === 'open', 'B and C report the circuit open', 1_000);
    expect(Date.now() - openedAt).toBeLessThan(1_000);
    expect(await health(c)).toMatchObject({ state: 'open', consecutiveFailures: 3 });

    for (const url of [b, c, b, c]) {
      const refused = await requests.chat(url, model, 'hi');
      expect(refused).toMatchObject({ status: 503, errorCode: 'ALL_PROVIDERS_FAILED' });
      expect(refused.errorMessage).toMatch(/Qwen_Qwen_2_72B failed repeatedly and is skipped for \d+ s more/);
    }
    expect(joins()).toBe(3);
  });

  it('lets exactly one trial reach the upstream after the cool-down, and its success closes the circuit for all', async () => {
    const [a, b, c] = gateways.map((gateway) => gateway.url) as [string, string, string];
    failing = false;
    const { openUntil } = await health(a);
    await waitUntil(() => Date.now() > openUntil! + 50, 'the cool-down is over', 5_000);

    const trial = requests.chat(a, model, slowQuestion);
    await waitUntil(() => joins() === 4, 'the trial reached the upstream', 5_000);
    const others = await Promise.all([b, c, a, b].map((url) => requests.chat(url, model, 'hi')));
    for (const refused of others) {
      expect(refused).toMatchObject({ status: 503, errorCode: 'ALL_PROVIDERS_FAILED' });
      expect(refused.errorMessage).toContain('another request is checking whether it recovered');
    }
    expect(await health(c)).toMatchObject({ state: 'half-open', inFlight: 1 });
    expect(joins()).toBe(4);

    expect(await trial).toMatchObject({ status: 200, content: slowAnswer });
    for (const url of [a, b, c]) {
      expect(await health(url)).toMatchObject({ state: 'closed', consecutiveFailures: 0, inFlight: 0 });
      expect(await requests.chat(url, model, 'hi')).toMatchObject({ status: 200, content: quickAnswer });
    }
    expect(joins()).toBe(7);
    const keys = await redis.keys();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(prefix))).toBe(true);
  });

  it('answers from local state while Redis is away, and shares circuits again once it is back, without a restart', async () => {
    await redis.stop();
    for (const { url } of gateways) {
      await waitUntil(async () => (await requests.providers(url)).store?.connected === false, `${url} reports the store disconnected`, 5_000);
    }
    for (const { url } of [...gateways, ...gateways]) {
      const outcome = await requests.chat(url, model, 'hi');
      expect(outcome).toMatchObject({ status: 200, content: quickAnswer });
      expect(outcome.durationMs).toBeLessThan(2_000);
    }

    await redis.start();
    for (const { url } of gateways) {
      await waitUntil(async () => (await requests.providers(url)).store?.connected === true, `${url} reports the store connected again`, 10_000);
    }
    const [a, b, c] = gateways.map((gateway) => gateway.url) as [string, string, string];
    failing = true;
    const joinsBefore = joins();
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await requests.chat(b, model, 'hi')).status).toBeGreaterThanOrEqual(500);
    await waitUntil(async () => (await health(a)).state === 'open' && (await health(c)).state === 'open', 'A and C report the circuit open', 1_000);
    expect((await requests.chat(c, model, 'hi')).status).toBe(503);
    expect(joins()).toBe(joinsBefore + 3);
  });

  it('logs each change of the connection on stderr, and closes the store and exits 0 on SIGTERM', async () => {
    const where = redis.url;
    for (const { cli } of gateways) cli.child.kill('SIGTERM');
    for (const { cli } of gateways) {
      const run = await cli.exited;
      expect(run.code).toBe(0);
      const storeLines = run.stderr.split('\n').filter((line) => line.startsWith('Switchboard routing store:'));
      expect(storeLines).toEqual([
        expect.stringContaining(`sharing routing state through Redis at ${where}`),
        expect.stringContaining(`Redis at ${where} is unreachable`),
        expect.stringMatching(new RegExp(`Redis at ${where.replaceAll('.', '\\.')} is reachable again after \\d+ ms`)),
      ]);
    }
  });
});

describe('switchboard serve --redis failures', () => {
  it('exits 2 naming --redis when its URL is not a Redis URL', async () => {
    const project = await createTempProject();
    try {
      const run = await runCli(['serve', '--port', '0', '--redis', 'http://127.0.0.1:6379'], { cwd: project.directory });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n').at(-1)).toBe('USAGE: --redis: url must start with redis:// or rediss://; got "http://".');
    } finally {
      await project.remove();
    }
  });
});
