import type { RoutingEvent, StatusPart } from '@switchboard/core';

type StatusStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Progress on standard error while an answer is awaited. On a terminal it is one line
 * rewritten in place and erased before text is printed; elsewhere each new status is a
 * plain line. Retries, fallbacks and notices always get a line of their own.
 */
export class StatusLine {
  readonly #stream: StatusStream;
  #visible = false;
  #last = '';

  constructor(stream: StatusStream) {
    this.#stream = stream;
  }

  /** Shows where the request stands: its queue position and ETA, or that generation started. */
  show(part: StatusPart): void {
    if (part.stage === 'started') {
      this.#write('Generating…');
      return;
    }
    const position = part.position === undefined ? '' : ` at position ${part.position + 1}`;
    const size = part.queueSize === undefined ? '' : ` of ${part.queueSize}`;
    const eta = part.etaSeconds === undefined ? '' : `, about ${Math.ceil(part.etaSeconds)} s to go`;
    this.#write(`Queued${position}${size}${eta}`);
  }

  /** Prints routing events a person would want to know about (retries, fallbacks, open circuits). */
  event(event: RoutingEvent): void {
    if (event.type === 'retry-scheduled') {
      this.notice(`Retrying ${event.provider} in ${event.delayMs} ms: ${event.reason.message}`);
    } else if (event.type === 'fallback') {
      this.notice(`Falling back from ${event.from} to ${event.to}: ${event.reason.message}`);
    } else if (event.type === 'circuit-opened') {
      this.notice(`${event.provider} keeps failing; it is skipped for a while`);
    }
  }

  /** Prints `text` on a line of its own. */
  notice(text: string): void {
    this.clear();
    this.#stream.write(`${text}\n`);
  }

  /** Erases the status line on a terminal; elsewhere, lets the next status be printed even if unchanged. */
  clear(): void {
    if (this.#visible) this.#stream.write('\r\x1b[K');
    this.#visible = false;
    this.#last = '';
  }

  #write(text: string): void {
    if (this.#stream.isTTY === true) {
      this.#stream.write(`\r\x1b[K${text}`);
      this.#visible = true;
    } else if (text !== this.#last) {
      this.#stream.write(`${text}\n`);
    }
    this.#last = text;
  }
}
