import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { QwenSpaceEmulatorPool as EmulatorPool } from '@switchboard/provider-qwen2-72b/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAnswer } from './demo-answer.mjs';

const script = fileURLToPath(new URL('./main.mjs', import.meta.url));

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDemo(args: string[], options: { onStdout?: (text: string, child: ReturnType<typeof spawn>) => void } = {}) {
  return new Promise<DemoRun>((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      options.onStdout?.(text, child);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const emulators = new EmulatorPool();
afterEach(() => emulators.closeAll());

describe('pnpm demo', () => {
  it('streams the built-in emulator answer, with only the answer on stdout', async () => {
    const run = await runDemo(['What is a Gradio queue?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(demoAnswer('What is a Gradio queue?'));
    expect(run.stderr).toContain('built-in Space emulator at http://127.0.0.1:');
    expect(run.stderr).toMatch(/Queued at position 3 of 3/);
  });

  it('talks to any Gradio server given with --url, with a system prompt and a model name', async () => {
    const emulator = await emulators.start({ version: '5', answer: (query, _history, system) => `[${system}] ${query}` });
    const run = await runDemo(['--url', emulator.url, '--model', 'qwen-qwen2-72b-instruct', '--system', 'Be terse.', 'Hello', 'there']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('[Be terse.] Hello there');
    expect(run.stderr).not.toContain('built-in');
  });

  it('prints the full revised answer on a new line when the Space rewrites text', async () => {
    const answer = '1. **Title**\n   detail\nNext line';
    const emulator = await emulators.start({ answer, tokenSize: 3, tidyWhitespace: true });
    const run = await runDemo(['--url', emulator.url, 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith(`\n${answer}`)).toBe(true);
    expect(run.stderr).toContain('rewrote text');
  });

  it('exits 1 with a coded one-line message for an unknown model', async () => {
    const emulator = await emulators.start({ answer: 'unused' });
    const run = await runDemo(['--url', emulator.url, '--model', 'gpt-17', 'hi']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^NO_PROVIDER_FOR_MODEL: .*qwen-2-72b/);
  });

  it('exits 1 naming the upstream failure when the Space fails', async () => {
    const emulator = await emulators.start({ answer: 'unused', fault: { kind: 'app-error', message: null } });
    const run = await runDemo(['--url', emulator.url, 'hi']);
    expect(run.code).toBe(1);
    const lastLine = run.stderr.trim().split('\n').at(-1)!;
    expect(lastLine).toMatch(/^ALL_PROVIDERS_FAILED \(Qwen_Qwen_2_72B GRADIO_APP\): /);
    expect(lastLine).toContain('Gradio app failed');
  });

  it('shows retries on stderr before giving up on a full queue', async () => {
    const emulator = await emulators.start({ answer: 'unused', fault: { kind: 'queue-full' } });
    const run = await runDemo(['--url', emulator.url, 'hi']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Retrying Qwen_Qwen_2_72B in \d+ ms: The upstream queue is full/);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^ALL_PROVIDERS_FAILED \(Qwen_Qwen_2_72B QUEUE_FULL\): .*Qwen_Qwen_2_72B: The upstream queue is full/);
  });

  it('names a refused connection as the cause, with its network code', async () => {
    const run = await runDemo(['--url', 'http://127.0.0.1:1', 'hi']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^ALL_PROVIDERS_FAILED \(Qwen_Qwen_2_72B CONNECTION ECONNREFUSED\): .*The connection to the upstream failed \(ECONNREFUSED\)/,
    );
  });

  it('gives up after --timeout-ms with a TIMEOUT line', async () => {
    const emulator = await emulators.start({ answer: 'a stalled answer', tokenSize: 2, fault: { kind: 'stall', afterTokens: 1 }, heartbeatIntervalMs: 50 });
    const closed = emulator.waitForStreamClose();
    const run = await runDemo(['--url', emulator.url, '--timeout-ms', '700', 'hi']);
    await closed;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('a ');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^TIMEOUT: Timed out after 700 ms for the whole request/);
  });

  it('rejects bad flags with a usage message', async () => {
    const run = await runDemo(['--timeout-ms', 'soon']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^USAGE: --timeout-ms/);
  });

  it('aborts on Ctrl-C: the connection closes and the exit code is 130', async () => {
    const emulator = await emulators.start({ answer: 'word '.repeat(400), tokenSize: 5, tokenDelayMs: 20 });
    const closed = emulator.waitForStreamClose();
    let signalled = false;
    const run = await runDemo(['--url', emulator.url, 'talk'], {
      onStdout: (_text, child) => {
        if (!signalled) {
          signalled = true;
          child.kill('SIGINT');
        }
      },
    });
    await closed;
    expect(run.code).toBe(130);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout.length).toBeLessThan('word '.repeat(400).length);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^ABORTED: /);
  });
});
