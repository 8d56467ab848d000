import { createParser, type EventSourceParser } from 'eventsource-parser';

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * A general SSE decoder on eventsource-parser, used by `SseDecoder` once a stream shows
 * anything its fast path does not handle. Before the parser sees them, bytes are counted
 * per block (nothing past `maxEventBytes` is parsed) and CR and CRLF line endings become
 * LF: eventsource-parser holds a trailing CR until a later chunk brings a line break, which
 * would make its output depend on how the stream was split and lose a final CR at the end.
 */
export class SseFallbackDecoder {
  /** Set when the bound was exceeded; no later bytes are parsed. */
  overflowed = false;

  readonly #maxEventBytes: number;
  readonly #decoder: TextDecoder;
  readonly #parser: EventSourceParser;
  #events: string[] = [];
  #blockBytes = 0;
  #lineBytes = 0;
  #afterCarriageReturn = false;

  /** `atStreamStart`: the first bytes fed are the first of the stream (a BOM there is dropped). */
  constructor(maxEventBytes: number, atStreamStart: boolean) {
    this.#maxEventBytes = maxEventBytes;
    this.#decoder = new TextDecoder('utf-8', { ignoreBOM: !atStreamStart });
    this.#parser = createParser({ onEvent: (event) => this.#events.push(event.data) });
    // The parser strips a BOM-like prefix from its first chunk; the decoder already handled the BOM.
    this.#parser.feed('');
  }

  /** Parses `chunk` and returns the data of the events it completed. */
  push(chunk: Buffer): string[] {
    if (this.overflowed) return [];
    const usable = this.#normalize(chunk);
    this.#parser.feed(this.#decoder.decode(usable, { stream: true }));
    if (this.overflowed) this.#parser.reset();
    return this.#takeEvents();
  }

  /** End of stream: flushes the decoder and discards an unterminated block. */
  end(): string[] {
    if (this.overflowed) return [];
    const rest = this.#decoder.decode();
    if (rest !== '') this.#parser.feed(rest);
    this.#parser.reset();
    return this.#takeEvents();
  }

  #takeEvents(): string[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  /**
   * The bytes of `chunk` up to the bound, with CR and CRLF turned into LF; sets
   * `overflowed` when the current block went past the bound.
   */
  #normalize(chunk: Buffer): Buffer {
    const needsCopy = this.#afterCarriageReturn || chunk.indexOf(carriageReturn) !== -1;
    const output = needsCopy ? Buffer.allocUnsafe(chunk.length) : chunk;
    const length = chunk.length;
    let written = 0;
    let position = 0;
    while (position < length) {
      const byte = chunk[position]!;
      if (byte === lineFeed || byte === carriageReturn) {
        position++;
        if (byte === lineFeed && this.#afterCarriageReturn) {
          this.#afterCarriageReturn = false;
          continue;
        }
        this.#afterCarriageReturn = byte === carriageReturn;
        if (this.#lineBytes === 0) this.#blockBytes = 0;
        this.#lineBytes = 0;
        output[written++] = lineFeed;
        continue;
      }
      this.#afterCarriageReturn = false;
      let next = position + 1;
      while (next < length && chunk[next] !== lineFeed && chunk[next] !== carriageReturn) next++;
      let run = next - position;
      if (this.#blockBytes + run > this.#maxEventBytes) {
        run = this.#maxEventBytes - this.#blockBytes;
        this.overflowed = true;
      }
      if (needsCopy) chunk.copy(output, written, position, position + run);
      written += run;
      if (this.overflowed) break;
      this.#lineBytes += run;
      this.#blockBytes += run;
      position = next;
    }
    return written === length ? output : output.subarray(0, written);
  }
}
