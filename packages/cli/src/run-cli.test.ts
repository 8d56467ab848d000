import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';
import { runCli as runBuiltCli } from '../test/cli-process.js';
import { runCli } from './run-cli.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
  stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: process.cwd() }, new EventEmitter());
  return { code, stdout: out, stderr: err };
}

describe('switchboard --help', () => {
  it('lists the commands', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: switchboard \[options\] \[command\]/);
    for (const command of ['serve', 'chat', 'models', 'providers']) expect(result.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });

  it.each([
    ['serve', ['--host <host>', '--port <port>', '--api-key <key>', '--grace-ms <ms>', '--config <file>', '--emulator', 'SWITCHBOARD_API_KEYS']],
    ['chat', ['[prompt...]', '--model <name>', '--system <text>', '--config <file>', '--emulator', 'Ctrl-C']],
    ['models', ['--json', '--config <file>']],
    ['providers', ['--json', '--config <file>']],
  ])('describes %s and its options', async (command, expected) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: switchboard ${command} `));
    for (const text of expected) expect(result.stdout).toContain(text);
  });
});

describe('usage errors', () => {
  it('exit 2 with a USAGE line and a pointer to --help', async () => {
    const result = await run(['serve', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^USAGE: option '-p, --port <port>' argument 'eighty' is invalid\. give a port number/);
    expect(result.stderr).toContain('(add --help for usage)');
  });

  it('refuse unknown options and commands', async () => {
    expect((await run(['models', '--jsn'])).stderr).toMatch(/^USAGE: unknown option '--jsn'/);
    expect((await run(['talk'])).code).toBe(2);
  });
});

describe('the installed command', () => {
  it('prints its version', async () => {
    const result = await runBuiltCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${packageJson.version}\n`);
  });
});
