import type { DataStream } from './data-stream.js';
import type { EventRun } from './event-run.js';

/** What the stream writes next for a session, in order. */
export type OutboxItem =
  /** One complete message; a completion removes its event from the pending set when written. */
  | { kind: 'message'; text: string; completesEventId?: string }
  /** A `data:` payload written as is (e.g. malformed JSON). */
  | { kind: 'raw'; text: string }
  | { kind: 'oversized'; eventId: string; bytes: number }
  /** Write part of this payload, then destroy the socket. */
  | { kind: 'drop'; text: string }
  /** Write this `unexpected_error` payload, then end the body. */
  | { kind: 'unexpected-error'; text: string }
  | { kind: 'close-early' };

/** One session hash: its events, its buffered messages and the stream reading them, if any. */
export class EmulatorSession {
  readonly outbox: OutboxItem[] = [];
  /** Events joined whose completion has not been written to a stream yet. */
  readonly pendingEventIds = new Set<string>();
  readonly runs = new Map<string, EventRun>();
  stream: DataStream | undefined;

  constructor(readonly hash: string) {}

  enqueue(item: OutboxItem): void {
    this.outbox.push(item);
    this.stream?.pump();
  }

  addRun(run: EventRun): void {
    this.runs.set(run.eventId, run);
    this.pendingEventIds.add(run.eventId);
  }

  /** What the server does when the stream dies: every event of the session is dropped. */
  cancelAll(): void {
    for (const run of this.runs.values()) run.cancel();
    this.runs.clear();
    this.pendingEventIds.clear();
    this.outbox.length = 0;
  }
}
