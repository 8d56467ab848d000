import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, type TempProject } from '../../test/temp-project.js';
import { TerminalSession } from '../../test/terminal-session.js';
import { emulatorAnswer } from '../emulator-answer.js';

let project: TempProject;
const sessions: TerminalSession[] = [];
beforeAll(async () => {
  project = await createTempProject();
  await project.addEchoProvider('echo.mjs');
  await project.write('echo.json', { providers: [{ module: './echo.mjs' }] });
  await project.write('slow.json', { providers: [{ module: './echo.mjs', settings: { prefix: 'slow', chunkDelayMs: 100, repeat: 30 } }] });
});
afterEach(() => sessions.splice(0).forEach((session) => session.stop()));
afterAll(() => project.remove());

function open(args: string[]): TerminalSession {
  const session = new TerminalSession(args, { cwd: project.directory });
  sessions.push(session);
  return session;
}

describe('switchboard chat on a terminal', () => {
  it('keeps the conversation: the provider receives the earlier turns', async () => {
    const session = open(['chat', '-c', 'echo.json', '--system', 'Be kind.']);
    await session.waitFor(/Chatting with echo-1\..*\n> $/s);
    session.type('first question\r');
    await session.waitFor(/echo\[echo-1\] turns=2 system:Be kind\. \| user:first question\s*\r?\n> $/);
    const mark = session.screen.length;
    session.type('second question\r');
    await session.waitFor(
      /echo\[echo-1\] turns=4 system:Be kind\. \| user:first question \| assistant:echo\[echo-1\] turns=2 system:Be kind\. \| user:first question \| user:second question\s*\r?\n> $/,
      mark,
    );
    session.type('\x04');
    expect(await session.exited).toBe(0);
  });

  it('keeps the history the emulated Space receives', async () => {
    const session = open(['chat', '--emulator']);
    await session.waitFor(/> $/);
    session.type('one\r');
    await session.waitFor(/its turn, and the text arrived/);
    await session.waitFor(/\n> $/);
    session.type('two\r');
    await session.waitFor(new RegExp(emulatorAnswer('two', [['one', '']]).split('\n')[0]!.replace(/[()]/g, '\\$&')));
    session.type('\x04');
    expect(await session.exited).toBe(0);
  });

  it('stops an answer on Ctrl-C, keeps the prompt, and exits on a second Ctrl-C', async () => {
    const session = open(['chat', '-c', 'slow.json']);
    await session.waitFor(/> $/);
    session.type('tell me everything\r');
    await session.waitFor(/slow\[echo-1\] turns=1/);
    session.type('\x03');
    await session.waitFor(/\[stopped; the partial answer is kept in the conversation\]\s*\r?\n> $/);
    expect(session.screen).not.toMatch(/(slow\[echo-1\] turns=1 user:tell me everything){30}/);
    session.type('\x03');
    expect(await session.exited).toBe(0);
  });
});
