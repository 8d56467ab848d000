import type { ProtocolError } from '@switchboard/core';
import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import { eventTooLargeError, type SseEventDecoder } from './sse-event-decoder.js';

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * Server-Sent Events decoder for a byte stream whose events are bounded in size. Bytes are
 * counted per event block (from one blank line to the next, comments included) before the
 * parser sees them; the bytes of a block past `maxEventBytes` are never parsed nor kept, and
 * `failure` is set instead. Events, comments and line endings follow the SSE specification
 * (eventsource-parser); an unterminated last block is discarded at the end.
 *
 * This is the plain reference: the provider decodes with `FastSseDecoder`, and tests check
 * that both give identical events.
 */
export class BoundedSseDecoder implements SseEventDecoder {
  readonly #maxEventBytes: number;
  readonly #decoder = new TextDecoder('utf-8');
  readonly #parser: EventSourceParser;
  #events: EventSourceMessage[] = [];
  #blockBytes = 0;
  #lineBytes = 0;
  #afterCarriageReturn = false;
  #failure: ProtocolError | undefined;

  constructor(maxEventBytes: number) {
    this.#maxEventBytes = maxEventBytes;
    this.#parser = createParser({ onEvent: (event) => this.#events.push(event) });
  }

  /** Set once an event went past the bound; nothing after it is decoded. */
  get failure(): ProtocolError | undefined {
    return this.#failure;
  }

  /**
   * Decodes the next bytes and returns the events they completed. When the bytes take an
   * event past the bound, the events completed before it are returned and `failure` is set.
   */
  push(chunk: Uint8Array): EventSourceMessage[] {
    if (this.#failure !== undefined) return [];
    const allowed = this.#countUpToBound(chunk);
    const usable = allowed === chunk.length ? chunk : chunk.subarray(0, allowed);
    this.#parser.feed(this.#decoder.decode(usable, { stream: true }));
    if (this.#failure !== undefined) this.#parser.reset();
    return this.#takeEvents();
  }

  /** End of the stream: returns events completed only now, discarding an unterminated block. */
  end(): EventSourceMessage[] {
    if (this.#failure !== undefined) return [];
    const rest = this.#decoder.decode();
    if (rest !== '') this.#parser.feed(rest);
    this.#parser.reset();
    return this.#takeEvents();
  }

  /** How many bytes of `chunk` fit within the bound; sets `failure` when not all of them do. */
  #countUpToBound(chunk: Uint8Array): number {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index]!;
      if (byte === lineFeed || byte === carriageReturn) {
        const secondHalfOfCrLf = byte === lineFeed && this.#afterCarriageReturn;
        this.#afterCarriageReturn = byte === carriageReturn;
        if (secondHalfOfCrLf) continue;
        if (this.#lineBytes === 0) this.#blockBytes = 0;
        this.#lineBytes = 0;
        continue;
      }
      this.#afterCarriageReturn = false;
      this.#lineBytes++;
      if (++this.#blockBytes > this.#maxEventBytes) {
        this.#failure = eventTooLargeError(this.#maxEventBytes);
        return index;
      }
    }
    return chunk.length;
  }

  #takeEvents(): EventSourceMessage[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}
