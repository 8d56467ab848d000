import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, StreamPart } from '@switchboard/core';
import type { AnswerSource } from './answer-source.js';
import { runChatSession } from './run-chat-session.js';

interface Harness {
  input: PassThrough;
  output: () => string;
  errors: () => string;
  calls: ChatMessage[][];
  interrupts: EventEmitter;
  run: Promise<Awaited<ReturnType<typeof runChatSession>>>;
}

function startSession(answer: (messages: ChatMessage[], signal: AbortSignal) => AsyncIterable<StreamPart>, system?: string): Harness {
  const input = new PassThrough();
  const output = new PassThrough();
  const errorOutput = new PassThrough();
  let outputText = '';
  let errorText = '';
  output.setEncoding('utf8').on('data', (text: string) => (outputText += text));
  errorOutput.setEncoding('utf8').on('data', (text: string) => (errorText += text));
  const calls: ChatMessage[][] = [];
  const source: AnswerSource = (messages, { signal }) => {
    calls.push(messages);
    return answer(messages, signal);
  };
  const interrupts = new EventEmitter();
  const run = runChatSession({ input, output, errorOutput, terminal: false, answer: source, system, interrupts, greeting: 'Hello.' });
  return { input, output: () => outputText, errors: () => errorText, calls, interrupts, run };
}

async function* echo(messages: ChatMessage[]): AsyncGenerator<StreamPart> {
  yield { type: 'status', stage: 'queued', position: 0, queueSize: 1 };
  yield { type: 'text-delta', text: `answer ${messages.length}` };
  yield { type: 'text-delta', text: ` to ${String(messages.at(-1)?.content)}` };
  yield { type: 'finish', reason: 'stop' };
}

describe('runChatSession', () => {
  it('sends every earlier question and answer with the next question', async () => {
    const session = startSession(echo, 'Be brief.');
    session.input.end('first\nsecond\n\nthird\n');
    const conversation = await session.run;
    expect(session.calls).toEqual([
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first' },
      ],
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer 2 to first' },
        { role: 'user', content: 'second' },
      ],
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'answer 2 to first' },
        { role: 'user', content: 'second' },
        { role: 'assistant', content: 'answer 4 to second' },
        { role: 'user', content: 'third' },
      ],
    ]);
    expect(conversation.turns).toHaveLength(6);
    expect(session.output()).toBe('> answer 2 to first\n> answer 4 to second\n> > answer 6 to third\n> ');
    expect(session.errors()).toBe('Hello.\nQueued at position 1 of 1\nQueued at position 1 of 1\nQueued at position 1 of 1\n');
  });

  it('forgets the conversation on /reset and stops at /exit', async () => {
    const session = startSession(echo);
    session.input.end('first\n/reset\nsecond\n/exit\nnever asked\n');
    await session.run;
    expect(session.calls.map((messages) => messages.length)).toEqual([1, 1]);
    expect(session.calls[1]).toEqual([{ role: 'user', content: 'second' }]);
    expect(session.errors()).toContain('The conversation was cleared.');
  });

  it('keeps a failed question out of the conversation and shows the error code', async () => {
    let failing = true;
    const session = startSession((messages) => {
      if (failing) {
        failing = false;
        return (async function* (): AsyncGenerator<StreamPart> {
          throw Object.assign(new Error('The upstream queue is full.'), { code: 'QUEUE_FULL' });
        })();
      }
      return echo(messages);
    });
    session.input.end('lost\nkept\n');
    await session.run;
    expect(session.errors()).toContain('QUEUE_FULL: The upstream queue is full.\n');
    expect(session.calls[1]).toEqual([{ role: 'user', content: 'kept' }]);
  });

  it('stops the current answer on Ctrl-C, keeps what arrived, and ends on a second Ctrl-C', async () => {
    const session = startSession((messages, signal) =>
      (async function* (): AsyncGenerator<StreamPart> {
        if (messages.length > 1) {
          yield { type: 'text-delta', text: 'second answer' };
          yield { type: 'finish', reason: 'stop' };
          return;
        }
        yield { type: 'text-delta', text: 'partial' };
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        throw signal.reason;
      })(),
    );
    session.input.write('long question\n');
    await expect.poll(() => session.output()).toContain('partial');
    session.interrupts.emit('SIGINT');
    await expect.poll(() => session.errors()).toContain('[stopped; the partial answer is kept in the conversation]');
    session.input.write('next\n');
    await expect.poll(() => session.output()).toContain('second answer');
    session.interrupts.emit('SIGINT');
    const conversation = await session.run;
    expect(session.calls[1]).toEqual([
      { role: 'user', content: 'long question' },
      { role: 'assistant', content: 'partial' },
      { role: 'user', content: 'next' },
    ]);
    expect(conversation.turns).toHaveLength(4);
    expect(session.interrupts.listenerCount('SIGINT')).toBe(0);
  });
});
