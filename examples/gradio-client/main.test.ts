import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExample } from '../test-support/run-example.js';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

/** A loopback port that nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Gradio client example', () => {
  it('prints the queue position, each output with diffs applied and the final values', async () => {
    const run = await runExample(script, { env: { HF_TOKEN: undefined } });
    expect(run).toEqual({
      stdout: [
        "[ [ 'Hi', 'Hello! How c' ] ]",
        "[ [ 'Hi', 'Hello! How can I help?' ] ]",
        'final [',
        "  '',",
        "  [ [ 'Hi', 'Hello! How can I help?' ] ],",
        "  'You are a helpful assistant.'",
        ']',
        '',
      ].join('\n'),
      stderr: 'queue position 1\n',
      exitCode: 0,
    });
  });

  it('exits 1 with the typed error when the Space given cannot be reached', async () => {
    const run = await runExample(script, { args: [`http://127.0.0.1:${await closedPort()}`] });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/ConnectionError: .*ECONNREFUSED/);
  });
});
