import { isAscii } from 'node:buffer';
import { ProtocolError } from '@switchboard/core';
import { SseFallbackDecoder } from './sse-fallback-decoder.js';

/** Options of {@link SseDecoder}. */
export interface SseDecoderOptions {
  /**
   * Bound on the bytes of one event block (counted since the previous blank line). Past it
   * the decoder fails with `ProtocolError` without buffering more. Default 16 MiB.
   */
  maxEventBytes?: number;
}

/** Default bound on one event's size: 16 MiB. */
export const defaultMaxEventBytes = 16 * 1024 * 1024;

const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const space = 0x20;
const blankLine = Buffer.from('\n\n');

/**
 * Incremental Server-Sent Events decoder for bytes, returning the `data` of each event.
 *
 * Follows the SSE specification: `data:` with or without a space, several `data` lines
 * joined with `\n`, comments and other fields ignored, LF, CRLF or CR line endings, UTF-8
 * decoded across chunk boundaries, an unterminated final block discarded at the end.
 *
 * Blocks made of exactly one `data:` line ended by `\n\n` (the shape Gradio sends) are cut
 * out of the bytes directly; the complete blocks of a chunk are decoded at once when they
 * are ASCII. At the first block of any other shape, or a CR, the rest of the stream goes
 * through eventsource-parser, so the result is the same for every way the bytes are split.
 */
export class SseDecoder {
  readonly #maxEventBytes: number;
  #pending: Buffer[] = [];
  #pendingLength = 0;
  #dispatchedAny = false;
  #fallback: SseFallbackDecoder | null = null;
  #failure: ProtocolError | null = null;

  constructor(options: SseDecoderOptions = {}) {
    this.#maxEventBytes = options.maxEventBytes ?? defaultMaxEventBytes;
  }

  /**
   * Feeds the next bytes and returns the data of every event they completed, in order.
   * When an event exceeds `maxEventBytes` this throws `ProtocolError`; events completed
   * earlier in the same chunk are returned first and the error is thrown by the next call.
   */
  push(chunk: Uint8Array): string[] {
    if (this.#failure !== null) throw this.#failure;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#fallback !== null) return this.#fromFallback(this.#fallback.push(bytes), []);
    const events: string[] = [];
    if (bytes.length === 0) return events;
    const carriageReturnAt = bytes.indexOf(carriageReturn);
    let position = 0;
    if (this.#pendingLength > 0) {
      position = this.#completePending(bytes, carriageReturnAt, events);
      if (position < 0) return position === needsFallback ? this.#switchToFallback(bytes, 0, events) : this.#settle(events);
    }
    const limit = carriageReturnAt === -1 ? bytes.length : carriageReturnAt;
    const lastBlank = limit - 2 >= position ? bytes.lastIndexOf(blankLine, limit - 2) : -1;
    if (lastBlank >= position) {
      const regionEnd = lastBlank + 2;
      const stopped = isAscii(bytes.subarray(position, regionEnd))
        ? this.#readAsciiBlocks(bytes, position, regionEnd, events)
        : this.#readBlocks(bytes, position, regionEnd, events);
      if (this.#failure !== null) return this.#settle(events);
      if (stopped < regionEnd) return this.#switchToFallback(bytes, stopped, events);
      position = stopped;
    }
    if (carriageReturnAt >= position) return this.#switchToFallback(bytes, position, events);
    const lineEnd = bytes.indexOf(lineFeed, position);
    if (lineEnd !== -1 && lineEnd !== bytes.length - 1) return this.#switchToFallback(bytes, position, events);
    if (position < bytes.length) this.#hold(bytes.subarray(position));
    return this.#settle(events);
  }

  /**
   * Reads the blocks of `bytes[start, end)`, which is ASCII and ends with a blank line, as
   * strings cut from one decoded string. Returns where it stopped: `end`, or the start of a
   * block of another shape, or of one past the bound (the failure is then set).
   */
  #readAsciiBlocks(bytes: Buffer, start: number, end: number, events: string[]): number {
    const text = bytes.toString('latin1', start, end);
    const length = text.length;
    let at = 0;
    while (at < length) {
      const lineEnd = text.indexOf('\n', at);
      if (text.charCodeAt(lineEnd + 1) !== lineFeed || !startsWithDataField(bytes, start + at, start + lineEnd)) break;
      if (lineEnd - at > this.#maxEventBytes) {
        this.#failOverflow();
        break;
      }
      events.push(text.slice(text.charCodeAt(at + 5) === space ? at + 6 : at + 5, lineEnd));
      at = lineEnd + 2;
    }
    if (at > 0) this.#dispatchedAny = true;
    return start + at;
  }

  /** {@link SseDecoder.#readAsciiBlocks} for bytes that hold UTF-8 beyond ASCII: each event is decoded on its own. */
  #readBlocks(bytes: Buffer, start: number, end: number, events: string[]): number {
    let position = start;
    while (position < end) {
      const lineEnd = bytes.indexOf(lineFeed, position);
      if (bytes[lineEnd + 1] !== lineFeed || !startsWithDataField(bytes, position, lineEnd)) break;
      if (lineEnd - position > this.#maxEventBytes) {
        this.#failOverflow();
        break;
      }
      events.push(bytes.toString('utf8', bytes[position + 5] === space ? position + 6 : position + 5, lineEnd));
      this.#dispatchedAny = true;
      position = lineEnd + 2;
    }
    return position;
  }

  /** End of stream: returns events completed only by the end (a last line ended by CR); drops an unterminated block. */
  end(): string[] {
    if (this.#failure !== null) throw this.#failure;
    this.#clearPending();
    if (this.#fallback === null) return [];
    return this.#fromFallback(this.#fallback.end(), []);
  }

  /**
   * Completes the block begun in earlier chunks (it holds no CR, and an LF only as its last
   * byte). Returns where the rest of `bytes` starts, `needsFallback`, or `heldAll` when
   * `bytes` did not complete it.
   */
  #completePending(bytes: Buffer, carriageReturnAt: number, events: string[]): number {
    const lineEnded = this.#lastPendingByte() === lineFeed;
    const end = lineEnded ? -1 : bytes.indexOf(lineFeed);
    const blankAt = lineEnded ? 0 : end + 1;
    if (carriageReturnAt !== -1 && (end === -1 || carriageReturnAt < end)) return needsFallback;
    if (!lineEnded && (end === -1 || end === bytes.length - 1)) {
      this.#hold(bytes);
      return heldAll;
    }
    if (bytes[blankAt] !== lineFeed) return needsFallback;
    const blockLength = lineEnded ? this.#pendingLength - 1 : this.#pendingLength + end;
    const block = Buffer.concat(lineEnded ? this.#pending : [...this.#pending, bytes.subarray(0, end)], blockLength);
    if (!startsWithDataField(block, 0, blockLength)) return needsFallback;
    this.#clearPending();
    if (blockLength > this.#maxEventBytes) {
      this.#failure = this.#overflowError();
      return heldAll;
    }
    events.push(block.toString('utf8', block[5] === space ? 6 : 5, blockLength));
    this.#dispatchedAny = true;
    return blankAt + 1;
  }

  /** Keeps the start of an unfinished block, failing once it is past the bound. */
  #hold(bytes: Buffer): void {
    this.#pending.push(bytes);
    this.#pendingLength += bytes.length;
    const lineEnded = bytes[bytes.length - 1] === lineFeed ? 1 : 0;
    if (this.#pendingLength - lineEnded > this.#maxEventBytes) {
      this.#clearPending();
      this.#failure = this.#overflowError();
    }
  }

  #switchToFallback(bytes: Buffer, position: number, events: string[]): string[] {
    const fallback = new SseFallbackDecoder(this.#maxEventBytes, !this.#dispatchedAny);
    this.#fallback = fallback;
    const pending = this.#pending;
    this.#clearPending();
    for (const piece of pending) {
      for (const data of fallback.push(piece)) events.push(data);
    }
    return this.#fromFallback(fallback.push(bytes.subarray(position)), events);
  }

  #fromFallback(fresh: string[], events: string[]): string[] {
    for (const data of fresh) events.push(data);
    if (this.#fallback!.overflowed) this.#failure = this.#overflowError();
    return this.#settle(events);
  }

  #failOverflow(): void {
    this.#clearPending();
    this.#failure = this.#overflowError();
  }

  /** Returns `events`, or throws the failure when there are none to return first. */
  #settle(events: string[]): string[] {
    if (this.#failure !== null && events.length === 0) throw this.#failure;
    return events;
  }

  #lastPendingByte(): number {
    const last = this.#pending[this.#pending.length - 1]!;
    return last[last.length - 1]!;
  }

  #clearPending(): void {
    this.#pending = [];
    this.#pendingLength = 0;
  }

  #overflowError(): ProtocolError {
    return new ProtocolError(`an SSE event exceeded the limit of ${this.#maxEventBytes} bytes (maxEventBytes)`);
  }
}

const needsFallback = -1;
const heldAll = -2;

/** Whether the block `bytes[start, end)` begins with the field name `data:`. */
function startsWithDataField(bytes: Buffer, start: number, end: number): boolean {
  return (
    end - start >= 5 &&
    bytes[start] === 0x64 &&
    bytes[start + 1] === 0x61 &&
    bytes[start + 2] === 0x74 &&
    bytes[start + 3] === 0x61 &&
    bytes[start + 4] === 0x3a
  );
}
