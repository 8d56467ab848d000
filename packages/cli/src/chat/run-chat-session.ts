import type { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import { AbortError } from '@switchboard/core';
import { formatError } from '../output/format-error.js';
import { AnswerPrinter } from './answer-printer.js';
import type { AnswerSource } from './answer-source.js';
import { ChatConversation } from './chat-conversation.js';
import { StatusLine } from './status-line.js';

/** Options of {@link runChatSession}. */
export interface ChatSessionOptions {
  /** Where questions are typed, one per line. */
  input: NodeJS.ReadableStream;
  /** Receives the prompt and the answers. */
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Receives the greeting, status, notices and errors. */
  errorOutput: NodeJS.WritableStream & { isTTY?: boolean };
  /** Whether `input`/`output` are a terminal (line editing, Ctrl-C as a key). */
  terminal: boolean;
  answer: AnswerSource;
  /** System prompt sent before the conversation. */
  system?: string;
  /** Printed on `errorOutput` before the first prompt. */
  greeting?: string;
  /** Another source of Ctrl-C, e.g. `process` for SIGINT sent from outside. */
  interrupts?: Pick<EventEmitter, 'on' | 'off'>;
}

/** The commands understood at the prompt instead of a question. */
export const sessionCommands = { reset: '/reset', exit: '/exit' } as const;

/**
 * A multi-turn chat: reads a question per line, streams the answer with the whole
 * conversation so far, and keeps both for the next turn. Ctrl-C stops the current answer
 * (what arrived of it is kept); Ctrl-C at the prompt, Ctrl-D, `/exit` or the end of the
 * input end the session. `/reset` forgets the conversation. Resolves with the conversation.
 */
export async function runChatSession(options: ChatSessionOptions): Promise<ChatConversation> {
  const conversation = new ChatConversation(options.system);
  const status = new StatusLine(options.errorOutput);
  const lines = createInterface({ input: options.input, output: options.output, terminal: options.terminal, prompt: '> ' });
  let answering: AbortController | undefined;
  const interrupt = () => {
    if (answering === undefined) lines.close();
    else answering.abort(new AbortError());
  };
  lines.on('SIGINT', interrupt);
  options.interrupts?.on('SIGINT', interrupt);
  if (options.greeting !== undefined) options.errorOutput.write(`${options.greeting}\n`);
  lines.prompt();
  let exitTyped = false;
  try {
    for await (const line of lines) {
      const question = line.trim();
      exitTyped = question === sessionCommands.exit;
      if (exitTyped) break;
      if (question === sessionCommands.reset) {
        conversation.reset();
        status.notice('The conversation was cleared.');
      } else if (question !== '') {
        answering = new AbortController();
        await answerOne(question, answering.signal);
        answering = undefined;
      }
      lines.prompt();
    }
  } finally {
    options.interrupts?.off('SIGINT', interrupt);
    lines.close();
  }
  if (options.terminal && !exitTyped) options.output.write('\n');
  return conversation;

  async function answerOne(question: string, signal: AbortSignal): Promise<void> {
    const printer = new AnswerPrinter(options.output, status);
    try {
      const parts = options.answer(conversation.messagesFor(question), { signal, onEvent: (event) => status.event(event) });
      for await (const part of parts) printer.write(part);
      printer.finish();
      conversation.record(question, printer.text);
    } catch (error) {
      printer.finish();
      if (signal.aborted) {
        if (printer.text !== '') conversation.record(question, printer.text);
        status.notice(printer.text === '' ? '[stopped]' : '[stopped; the partial answer is kept in the conversation]');
      } else {
        status.notice(formatError(error));
      }
    }
  }
}
