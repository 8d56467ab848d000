import type { ServerResponse } from 'node:http';
import { closeStreamMessage, encodeJson, heartbeatMessage, unexpectedErrorMessage, type ServerMessage } from '@switchboard/gradio/wire';
import type { EmulatorContext, Stoppable } from './emulator-context.js';
import type { EmulatorSession } from './emulator-session.js';
import { startEventStream, writeEvent } from './sse-response.js';
import { writeOversizedEvent } from './write-oversized-event.js';

/**
 * One `queue/data` response: delivers the session's buffered and future messages, heartbeats
 * at the configured interval, and ends the body once no event of the session is pending.
 */
export class DataStream implements Stoppable {
  private endedByServer = false;
  private busy = false;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: EmulatorContext,
    private readonly session: EmulatorSession | undefined,
    private readonly response: ServerResponse,
  ) {}

  open(): void {
    startEventStream(this.response);
    this.context.streams.track(this.response);
    this.context.liveStreams.add(this);
    this.response.on('close', () => this.onClose());
    if (!this.session) {
      this.write(unexpectedErrorMessage(this.context.profile, '404: Session not found.'));
      this.end();
      return;
    }
    this.session.stream = this;
    this.heartbeatTimer = setInterval(() => {
      if (!this.busy) this.write(heartbeatMessage(this.context.profile));
    }, this.context.options.heartbeatIntervalMs);
    this.pump();
  }

  /** Writes whatever the session has buffered. */
  pump(): void {
    const session = this.session;
    if (!session) return;
    while (!this.busy && !this.isDone() && session.outbox.length > 0) {
      const item = session.outbox.shift();
      if (!item) return;
      switch (item.kind) {
        case 'message':
          writeEvent(this.response, item.text);
          if (item.completesEventId !== undefined) this.completed(session, item.completesEventId);
          break;
        case 'raw':
          writeEvent(this.response, item.text);
          break;
        case 'oversized':
          this.busy = true;
          void writeOversizedEvent(this.response, item.eventId, item.bytes, this.context.profile.jsonStyle).then(() => {
            this.busy = false;
            this.pump();
          });
          return;
        case 'drop': {
          const frame = `data: ${item.text}\n\n`;
          this.busy = true;
          this.response.write(frame.slice(0, Math.ceil(frame.length / 2)), () => this.response.socket?.destroy());
          return;
        }
        case 'unexpected-error':
          writeEvent(this.response, item.text);
          this.finish(false);
          session.cancelAll();
          return;
        case 'close-early':
          this.finish(this.context.profile.sendsCloseStream);
          session.cancelAll();
          return;
      }
    }
  }

  /** An event's completion was written: ends the body once no event of the session is pending. */
  private completed(session: EmulatorSession, eventId: string): void {
    session.pendingEventIds.delete(eventId);
    if (session.pendingEventIds.size === 0) this.finish(this.context.profile.sendsCloseStream);
  }

  stop(): void {
    this.clearHeartbeat();
    if (!this.response.destroyed) this.response.destroy();
  }

  private finish(sendCloseStream: boolean): void {
    if (sendCloseStream) this.write(closeStreamMessage(this.context.profile));
    this.end();
  }

  private end(): void {
    this.endedByServer = true;
    this.clearHeartbeat();
    if (this.session?.stream === this) this.session.stream = undefined;
    this.response.end();
  }

  private onClose(): void {
    this.clearHeartbeat();
    this.context.liveStreams.delete(this);
    if (this.session?.stream === this) this.session.stream = undefined;
    // The server notices the disconnect and drops every event of the session.
    if (!this.endedByServer) this.session?.cancelAll();
  }

  private isDone(): boolean {
    return this.endedByServer || this.response.destroyed || this.response.writableEnded;
  }

  private write(message: ServerMessage): void {
    writeEvent(this.response, encodeJson(message, this.context.profile.jsonStyle));
  }

  private clearHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }
}
