import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe, type CliProcess } from '../../test/cli-process.js';
import { createTempProject, type TempProject } from '../../test/temp-project.js';
import { emulatorAnswer } from '../emulator-answer.js';

let project: TempProject;
const running: CliProcess[] = [];
beforeAll(async () => {
  project = await createTempProject();
  await project.addEchoProvider('echo.mjs');
  await project.write('echo.json', { providers: [{ module: './echo.mjs', settings: { prefix: 'served' } }] });
  await project.write('slow.json', { providers: [{ module: './echo.mjs', settings: { chunkDelayMs: 100, repeat: 50 } }] });
});
afterEach(() => running.splice(0).forEach((cli) => cli.stop()));
afterAll(() => project.remove());

async function serve(args: string[], env?: Record<string, string>) {
  const started = await startServe(args, { cwd: project.directory, env });
  running.push(started.cli);
  return started;
}

function chatRequest(model: string, stream: boolean, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'hi' }] }),
  };
}

/** Reads an SSE body, calling `onFirstChunk` once the first content delta arrived. */
async function readStream(body: AsyncIterable<Uint8Array>, onFirstChunk: () => void): Promise<{ content: string; lines: string[] }> {
  const decoder = new TextDecoder();
  let text = '';
  let content = '';
  let notified = false;
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
    if (!notified && /"content":"[^"]+"/.test(text)) {
      notified = true;
      onFirstChunk();
    }
  }
  const lines = text.split('\n').filter((line) => line.startsWith('data: '));
  for (const line of lines) {
    if (line === 'data: [DONE]') continue;
    content += (JSON.parse(line.slice(6)).choices?.[0]?.delta?.content as string | undefined) ?? '';
  }
  return { content, lines };
}

describe('switchboard serve', () => {
  it('prints exactly its URL line, serves models and chat completions from the emulator, and stops on SIGTERM', async () => {
    const { cli, url } = await serve(['--emulator']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((model) => model.id)).toEqual(expect.arrayContaining(['qwen-2-72b', 'qwen-qwen2-72b-instruct']));
    const response = await fetch(`${url}/v1/chat/completions`, chatRequest('qwen-2-72b', false));
    expect(response.status).toBe(200);
    const completion = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(completion.choices[0]!.message.content).toBe(emulatorAnswer('hi', []));
    cli.child.kill('SIGTERM');
    const run = await cli.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Switchboard listening on ${url}\n`);
    expect(run.stderr).toContain('SIGTERM: no new requests');
  });

  it('lets an open stream finish after SIGTERM: the client gets the whole answer and [DONE], then exit 0', async () => {
    const { cli, url } = await serve(['--emulator']);
    const response = await fetch(`${url}/v1/chat/completions`, chatRequest('qwen-2-72b', true));
    expect(response.status).toBe(200);
    const { content, lines } = await readStream(response.body!, () => cli.child.kill('SIGTERM'));
    expect(content).toBe(emulatorAnswer('hi', []));
    expect(lines.at(-1)).toBe('data: [DONE]');
    expect((await cli.exited).code).toBe(0);
  });

  it('aborts a stream still open when the grace period ends, then exits 0', async () => {
    const { cli, url } = await serve(['-c', 'slow.json', '--grace-ms', '300']);
    const response = await fetch(`${url}/v1/chat/completions`, chatRequest('echo', true));
    const { lines } = await readStream(response.body!, () => cli.child.kill('SIGTERM'));
    expect(lines).not.toContain('data: [DONE]');
    expect(JSON.parse(lines.at(-1)!.slice(6))).toHaveProperty('error');
    const run = await cli.exited;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('open answers have 300 ms to finish');
  });

  it('serves the providers of a configuration file', async () => {
    const { url } = await serve(['--config', 'echo.json']);
    const response = await fetch(`${url}/v1/chat/completions`, chatRequest('echo', false));
    const completion = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(completion.choices[0]!.message.content).toBe('served[echo-1] turns=1 user:hi');
    const providers = (await (await fetch(`${url}/v1/providers`)).json()) as { data: Array<{ id: string }> };
    expect(providers.data.map((provider) => provider.id)).toEqual(['TestEcho']);
  });

  it('requires one of the keys given with --api-key or SWITCHBOARD_API_KEYS', async () => {
    const { url } = await serve(['-c', 'echo.json', '--api-key', 'first-key', '--api-key', 'second-key'], { SWITCHBOARD_API_KEYS: 'third-key, fourth-key' });
    const status = async (key?: string) =>
      (await fetch(`${url}/v1/models`, { headers: key === undefined ? {} : { authorization: `Bearer ${key}` } })).status;
    expect(await status()).toBe(401);
    expect(await status('wrong-key')).toBe(401);
    expect(await status('second-key')).toBe(200);
    expect(await status('fourth-key')).toBe(200);
  });
});

describe('switchboard serve failures', () => {
  it('exits 1 with the system error code when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      const run = await runCli(['serve', '-c', 'echo.json', '--port', String(port)], { cwd: project.directory });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^EADDRINUSE: .*127\\.0\\.0\\.1:${port}`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
