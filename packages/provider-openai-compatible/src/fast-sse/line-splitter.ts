const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** Receives the lines a {@link LineSplitter} finds. */
export interface LineSink {
  /**
   * Called with the byte length of each complete line as soon as it is found, and of the
   * unterminated line received so far after each push (`complete` false). Returning false
   * stops the splitter: nothing more of this push is looked at.
   */
  countLine(bytes: number, complete: boolean): boolean;
  /** The content of a complete line: `bytes[start, end)`, its terminator left out. */
  line(bytes: Buffer, start: number, end: number): void;
}

/**
 * Splits a byte stream into lines ended by LF, CRLF or CR, with native searches for the
 * terminators. A line whose CR is the last byte received so far is handed over only once a
 * later push brings a line terminator (as eventsource-parser does): an LF right after the CR
 * completes a CRLF. An unterminated line is kept as its chunks until its end arrives.
 * `end()` discards both.
 */
export class LineSplitter {
  readonly #sink: LineSink;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #deferred: Buffer | undefined;

  constructor(sink: LineSink) {
    this.#sink = sink;
  }

  push(bytes: Buffer): void {
    if (bytes.length === 0) return;
    let position = 0;
    let nextLineFeed = bytes.indexOf(lineFeed);
    let nextCarriageReturn = bytes.indexOf(carriageReturn);
    if (this.#deferred !== undefined) {
      if (this.#pendingBytes === 0 && bytes[0] === lineFeed) position = 1;
      else {
        const firstEnd = firstTerminator(nextLineFeed, nextCarriageReturn);
        if (firstEnd === -1) return this.#keepUnterminated(bytes);
        // The deferred line is released by the next terminator, only if the bytes before it fit the bound.
        if (!this.#sink.countLine(this.#pendingBytes + firstEnd, false)) return this.end();
      }
      const deferred = this.#deferred;
      this.#deferred = undefined;
      this.#sink.line(deferred, 0, deferred.length);
    }
    while (position < bytes.length) {
      if (nextLineFeed !== -1 && nextLineFeed < position) nextLineFeed = bytes.indexOf(lineFeed, position);
      if (nextCarriageReturn !== -1 && nextCarriageReturn < position) nextCarriageReturn = bytes.indexOf(carriageReturn, position);
      const end = firstTerminator(nextLineFeed, nextCarriageReturn);
      if (end === -1) {
        this.#keepUnterminated(bytes.subarray(position));
        return;
      }
      let line = bytes;
      let start = position;
      let stop = end;
      if (this.#pendingBytes > 0) {
        line = Buffer.concat([...this.#pending, bytes.subarray(position, end)]);
        start = 0;
        stop = line.length;
        this.#pending = [];
        this.#pendingBytes = 0;
      }
      if (!this.#sink.countLine(stop - start, true)) return;
      if (bytes[end] === carriageReturn && end === bytes.length - 1) {
        this.#deferred = line === bytes ? Buffer.from(bytes.subarray(start, stop)) : line;
        return;
      }
      position = bytes[end] === carriageReturn && bytes[end + 1] === lineFeed ? end + 2 : end + 1;
      this.#sink.line(line, start, stop);
    }
  }

  /** Discards the unterminated line and a line whose CR was the last byte. */
  end(): void {
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#deferred = undefined;
  }

  #keepUnterminated(tail: Buffer): void {
    this.#pending.push(Buffer.from(tail));
    this.#pendingBytes += tail.length;
    if (!this.#sink.countLine(this.#pendingBytes, false)) this.end();
  }
}

/** The earlier of two terminator positions, `-1` standing for none. */
function firstTerminator(lineFeedAt: number, carriageReturnAt: number): number {
  if (carriageReturnAt === -1) return lineFeedAt;
  return lineFeedAt !== -1 && lineFeedAt < carriageReturnAt ? lineFeedAt : carriageReturnAt;
}
