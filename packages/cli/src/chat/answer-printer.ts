import { applyTextPart, type StreamPart } from '@switchboard/core';
import type { StatusLine } from './status-line.js';

/**
 * Writes an answer's text to standard output as its parts arrive, and everything else
 * (queue status, warnings, rewritten text) to the status line. When the upstream rewrites
 * text already printed, a note goes to the status stream and the full revised answer
 * follows on a new line.
 */
export class AnswerPrinter {
  /** The answer so far, revisions applied. */
  text = '';
  /** Whether any text was written to the output. */
  printed = false;

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly status: StatusLine,
  ) {}

  /** Handles one stream part. */
  write(part: StreamPart): void {
    if (part.type === 'status') {
      if (!this.printed) this.status.show(part);
    } else if (part.type === 'warning') {
      this.status.notice(`Warning: ${part.message}`);
    } else if (part.type === 'text-delta') {
      this.status.clear();
      this.output.write(part.text);
      this.printed ||= part.text !== '';
    } else if (part.type === 'text-revision') {
      this.status.notice('[the upstream rewrote text it had already sent; the full revised answer follows]');
      this.output.write(this.printed ? `\n${part.text}` : part.text);
      this.printed ||= part.text !== '';
    }
    this.text = applyTextPart(this.text, part);
  }

  /** Ends the answer: erases the status line and ends the output line (when nothing was printed, only if `always`). */
  finish(always = false): void {
    this.status.clear();
    if (this.printed || always) this.output.write('\n');
  }
}
