import type { ProtocolError } from '@switchboard/core';
import type { EventSourceMessage } from 'eventsource-parser';
import { eventTooLargeError, type SseEventDecoder } from '../sse-event-decoder.js';
import { SseEventBuilder } from './sse-event-builder.js';
import { LineSplitter } from './line-splitter.js';

const colon = 0x3a;
const space = 0x20;

/**
 * The provider's Server-Sent Events decoder: the events of `BoundedSseDecoder`, found on the
 * bytes. Lines are split with native byte searches, only field values are decoded from
 * UTF-8, and event sizes are counted from line lengths, so a long stream of small events
 * costs little more than its `JSON.parse` calls. Decoding details it shares with the
 * reference: a UTF-8 BOM at the start is skipped, a line whose CR is the last byte received
 * so far is taken only once a later push brings a line terminator, and an unterminated last
 * block is discarded at the end.
 */
export class FastSseDecoder implements SseEventDecoder {
  readonly #maxEventBytes: number;
  readonly #builder = new SseEventBuilder();
  readonly #lines = new LineSplitter({
    countLine: (bytes, complete) => this.#countLine(bytes, complete),
    line: (bytes, start, end) => this.#line(bytes, start, end),
  });
  #events: EventSourceMessage[] = [];
  #blockBytes = 0;
  #firstLine = true;
  #failure: ProtocolError | undefined;

  constructor(maxEventBytes: number) {
    this.#maxEventBytes = maxEventBytes;
  }

  get failure(): ProtocolError | undefined {
    return this.#failure;
  }

  push(chunk: Uint8Array): EventSourceMessage[] {
    if (this.#failure !== undefined) return [];
    this.#lines.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return this.#takeEvents();
  }

  end(): EventSourceMessage[] {
    if (this.#failure !== undefined) return [];
    this.#lines.end();
    this.#builder.reset();
    return this.#takeEvents();
  }

  /** Counts a line, complete or not, against the bound; false (and `failure` set) when it goes past it. */
  #countLine(bytes: number, complete: boolean): boolean {
    if (this.#failure !== undefined) return false;
    if (complete && bytes === 0) {
      this.#blockBytes = 0;
      return true;
    }
    const total = this.#blockBytes + bytes;
    if (total > this.#maxEventBytes) {
      this.#failure = eventTooLargeError(this.#maxEventBytes);
      this.#builder.reset();
      return false;
    }
    if (complete) this.#blockBytes = total;
    return true;
  }

  /** Takes the content of one complete line, `bytes[start, end)`, without its terminator. */
  #line(bytes: Buffer, start: number, end: number): void {
    if (this.#firstLine) {
      this.#firstLine = false;
      if (end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    }
    if (start === end) return this.#builder.dispatch(this.#events);
    if (bytes[start] === colon) return;
    if (hasPrefix(bytes, start, end, dataPrefix)) return this.#builder.data(valueOf(bytes, start + dataPrefix.length, end));
    if (hasPrefix(bytes, start, end, eventPrefix)) return this.#builder.event(valueOf(bytes, start + eventPrefix.length, end));
    if (hasPrefix(bytes, start, end, idPrefix)) return this.#builder.id(valueOf(bytes, start + idPrefix.length, end));
    this.#builder.line(bytes.toString('utf8', start, end));
  }

  #takeEvents(): EventSourceMessage[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}

const dataPrefix = Buffer.from('data:');
const eventPrefix = Buffer.from('event:');
const idPrefix = Buffer.from('id:');

function hasPrefix(bytes: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (bytes[start + index] !== prefix[index]) return false;
  return true;
}

/** The field value from `start`, without the one space that may follow the colon. */
function valueOf(bytes: Buffer, start: number, end: number): string {
  if (start < end && bytes[start] === space) start++;
  return start === end ? '' : bytes.toString('utf8', start, end);
}
