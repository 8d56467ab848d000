import { AbortError, type ChatMessage } from '@switchboard/core';
import { exitCodes } from '../exit-codes.js';
import { formatError } from '../output/format-error.js';
import { AnswerPrinter } from './answer-printer.js';
import type { AnswerSource } from './answer-source.js';
import { StatusLine } from './status-line.js';

/** Options of {@link runOneShot}. */
export interface OneShotOptions {
  messages: ChatMessage[];
  answer: AnswerSource;
  /** Receives exactly the answer, then a newline. */
  output: NodeJS.WritableStream;
  /** Receives status, notices and the error line. */
  errorOutput: NodeJS.WritableStream & { isTTY?: boolean };
  /** Aborting it stops the answer (exit status 130). */
  signal: AbortSignal;
}

/**
 * Asks one question and streams the answer to `output`. Resolves with the exit status:
 * 0 when the answer is complete, 1 with a `CODE: message` line on `errorOutput` when it
 * failed, 130 when `signal` stopped it.
 */
export async function runOneShot(options: OneShotOptions): Promise<number> {
  const status = new StatusLine(options.errorOutput);
  const printer = new AnswerPrinter(options.output, status);
  try {
    const parts = options.answer(options.messages, { signal: options.signal, onEvent: (event) => status.event(event) });
    for await (const part of parts) printer.write(part);
    printer.finish(true);
    return exitCodes.success;
  } catch (error) {
    printer.finish();
    const stopped = options.signal.aborted;
    status.notice(formatError(stopped && !AbortError.isInstance(error) ? new AbortError(error) : error));
    return stopped ? exitCodes.interrupted : exitCodes.failure;
  }
}
