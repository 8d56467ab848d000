import { ProtocolError } from '@switchboard/core';
import type { EventSourceMessage } from 'eventsource-parser';

/**
 * Decodes a byte stream of Server-Sent Events whose events are bounded in size. Two
 * implementations give identical events: `BoundedSseDecoder`, the plain reference, and
 * `FastSseDecoder` (in `fast-sse/`), which the provider uses.
 */
export interface SseEventDecoder {
  /** Set once an event went past the bound; nothing after it is decoded. */
  readonly failure: ProtocolError | undefined;
  /**
   * Decodes the next bytes and returns the events they completed. When the bytes take an
   * event past the bound, the events completed before it are returned and `failure` is set.
   */
  push(chunk: Uint8Array): EventSourceMessage[];
  /** End of the stream: returns events completed only now, discarding an unterminated block. */
  end(): EventSourceMessage[];
}

/** The failure of an event (comments included) longer than `maxEventBytes` bytes. */
export function eventTooLargeError(maxEventBytes: number): ProtocolError {
  return new ProtocolError(
    `a server-sent event exceeded ${maxEventBytes} bytes; raise "maxEventBytes" if the upstream really sends events this large`,
  );
}
