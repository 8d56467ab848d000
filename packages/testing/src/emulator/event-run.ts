import { performance } from 'node:perf_hooks';
import { cancellableSleep } from './cancellable-sleep.js';
import { computeDiff } from './compute-diff.js';
import { encodeJson } from './encode-json.js';
import { recordDuration, type EmulatorContext } from './emulator-context.js';
import type { EmulatorFault } from './emulator-options.js';
import type { EmulatorSession } from './emulator-session.js';
import {
  errorOutput,
  estimationMessage,
  processCompletedMessage,
  processGeneratingMessage,
  processStartsMessage,
  successOutput,
  unexpectedErrorMessage,
  type ServerMessage,
} from './server-messages.js';
import { frameEvent } from './sse-response.js';
import { spaceFunctionOutcome, type SpaceFunctionOutcome } from './space-function-outcome.js';

/** A join accepted by the queue. */
export interface JoinedEvent {
  eventId: string;
  fnIndex: number;
  data: unknown[];
  /** `simple_format: true` on join: full values in every generating message. */
  simpleFormat: boolean;
  fault: EmulatorFault | undefined;
  /** Set in the `prerender` serving mode: the event's bytes are kept (or already kept) under this key. */
  prerenderKey?: string;
}

type StreamFault = Exclude<EmulatorFault, { kind: 'queue-full' } | { kind: 'join-status' }>;

function streamFault(fault: EmulatorFault | undefined): StreamFault | undefined {
  return fault && fault.kind !== 'queue-full' && fault.kind !== 'join-status' ? fault : undefined;
}

/**
 * One queued event: waits in the queue, runs the Space function and emits its messages. In the
 * `prerender` serving mode it renders every message at once, without waiting, keeps the bytes,
 * and hands them to the session as one block; a later run with the same inputs reuses them.
 */
export class EventRun {
  state: 'queued' | 'running' | 'finished' = 'queued';
  private readonly abortController = new AbortController();
  private stepStartedAt = 0;
  private recording: string[] | undefined;

  constructor(
    private readonly context: EmulatorContext,
    private readonly session: EmulatorSession,
    private readonly event: JoinedEvent,
  ) {}

  get eventId(): string {
    return this.event.eventId;
  }

  start(): void {
    this.context.activeRuns.add(this);
    this.session.addRun(this);
    const key = this.event.prerenderKey;
    const rendered = key === undefined ? undefined : this.context.prerendered?.get(key);
    if (rendered !== undefined) {
      this.serve(rendered.body);
      return;
    }
    if (key !== undefined) this.recording = [];
    void this.run();
  }

  /** Drops the event silently (the client left). */
  cancel(): void {
    if (this.state === 'finished') return;
    this.abortController.abort();
    this.markFinished();
  }

  /** Cancelled by the `cancel` route: the event completes with an empty output. */
  cancelWithCompletion(): void {
    if (this.state === 'finished') return;
    this.abortController.abort();
    this.complete(processCompletedMessage(this.context.profile, this.eventId, {}, true));
  }

  private async run(): Promise<void> {
    const { queue } = this.context.options;
    const signal = this.abortController.signal;
    this.emit(estimationMessage(this.eventId, queue.rank, queue.queueSize, queue.etaSeconds));
    const pause = queue.waitMs / (queue.updates + 1);
    for (let update = 1; update <= queue.updates; update++) {
      if (!(await this.pause(pause, signal))) return;
      const rank = Math.max(0, queue.rank - update);
      const remaining = (queue.updates + 1 - update) / (queue.updates + 1);
      const eta = queue.etaSeconds === null ? null : queue.etaSeconds * remaining;
      this.emit(estimationMessage(this.eventId, rank, Math.max(1, queue.queueSize - (queue.rank - rank)), eta));
    }
    if (!(await this.pause(pause, signal))) return;
    this.state = 'running';
    this.emit(processStartsMessage(this.eventId, queue.etaSeconds));
    this.stepStartedAt = performance.now();
    try {
      const outcome = spaceFunctionOutcome(this.event.fnIndex, this.event.data, this.context.options);
      if (outcome) await this.generate(outcome, signal);
      else this.failHidden();
    } catch {
      this.failHidden();
    }
  }

  /** An exception in the app: hidden, because the Space runs without `show_error`. */
  private failHidden(): void {
    if (this.state === 'finished') return;
    const { profile } = this.context;
    this.complete(processCompletedMessage(profile, this.eventId, errorOutput(profile, null), false));
  }

  private async generate(outcome: SpaceFunctionOutcome, signal: AbortSignal): Promise<void> {
    const { profile, options } = this.context;
    const fault = streamFault(this.event.fault);
    const faultAt = fault ? Math.max(0, fault.afterTokens ?? 0) : -1;
    const fullValues = !profile.sendsDiffs || this.event.simpleFormat;
    const steps = outcome.steps[Symbol.iterator]();
    let stepsSent = 0;
    let previousValues: unknown[] | undefined;
    let lastOutput: ServerMessage | undefined;
    for (;;) {
      if (!(await this.pause(options.tokenDelayMs, signal))) return;
      const step = steps.next();
      if (step.done) break;
      const { values, diff } = step.value;
      const data =
        fullValues || !previousValues
          ? values
          : (diff ?? values.map((value, index) => computeDiff(previousValues?.[index], value)));
      const output = successOutput(profile, data, true, this.stepTiming());
      const message = processGeneratingMessage(profile, this.eventId, output);
      if (fault && stepsSent === faultAt && this.injectFault(fault, message, stepsSent)) return;
      this.emit(message);
      previousValues = values;
      lastOutput = output;
      stepsSent++;
    }
    const completion =
      profile.completionRepeatsLastOutput && lastOutput
        ? processCompletedMessage(profile, this.eventId, lastOutput, true)
        : processCompletedMessage(
            profile,
            this.eventId,
            successOutput(profile, previousValues ?? outcome.valuesWithoutSteps, false, this.stepTiming()),
            true,
          );
    if (fault && stepsSent <= faultAt && this.injectFault(fault, completion, stepsSent)) return;
    this.complete(completion);
  }

  /** Applies the fault in place of `nextMessage`; true when the event produces nothing more. */
  private injectFault(fault: StreamFault, nextMessage: ServerMessage, stepsSent: number): boolean {
    const { profile } = this.context;
    switch (fault.kind) {
      case 'app-error': {
        const message = fault.message ?? null;
        // sse_v1 servers report a hidden error raised after the first yield as the text "None".
        const hiddenText = message === null && profile.lateHiddenErrorIsNone && stepsSent > 0 ? 'None' : null;
        this.complete(processCompletedMessage(profile, this.eventId, errorOutput(profile, message, hiddenText), false));
        return true;
      }
      case 'unexpected-error': {
        const message = unexpectedErrorMessage(profile, fault.message ?? 'Server stopped unexpectedly.');
        this.session.enqueue({ kind: 'unexpected-error', text: this.encode(message) });
        return true;
      }
      case 'drop-connection':
        this.session.enqueue({ kind: 'drop', text: this.encode(nextMessage) });
        return true;
      case 'stall':
        return true;
      case 'close-stream-early':
        this.session.enqueue({ kind: 'close-early' });
        return true;
      case 'malformed-json': {
        const text = this.encode(nextMessage);
        this.session.enqueue({ kind: 'raw', text: text.slice(0, Math.ceil(text.length / 2)) });
        return false;
      }
      case 'oversized-event':
        this.session.enqueue({ kind: 'oversized', eventId: this.eventId, bytes: fault.bytes });
        return false;
    }
  }

  /** Waits like the live server, or not at all while rendering; false once cancelled. */
  private pause(milliseconds: number, signal: AbortSignal): Promise<boolean> | boolean {
    return this.recording === undefined ? cancellableSleep(milliseconds, signal) : !signal.aborted;
  }

  private stepTiming(): { duration: number; averageDuration: number } {
    const now = performance.now();
    const duration = (now - this.stepStartedAt) / 1000;
    this.stepStartedAt = now;
    return { duration, averageDuration: recordDuration(this.context, this.event.fnIndex, duration) };
  }

  private encode(message: ServerMessage): string {
    return encodeJson(message, this.context.profile.jsonStyle);
  }

  private emit(message: ServerMessage, completes = false): void {
    if (this.recording !== undefined) {
      this.recording.push(frameEvent(this.encode(message)));
      if (completes) this.keepRecording(this.recording);
      return;
    }
    const completesEventId = completes ? this.eventId : undefined;
    this.session.enqueue({ kind: 'message', text: this.encode(message), completesEventId });
  }

  private keepRecording(recording: string[]): void {
    this.recording = undefined;
    const body = Buffer.from(recording.join(''));
    if (this.event.prerenderKey !== undefined) {
      this.context.prerendered?.add(this.event.prerenderKey, { eventId: this.eventId, body });
    }
    this.serve(body);
  }

  private serve(body: Buffer): void {
    this.session.enqueue({ kind: 'block', bytes: body, completesEventId: this.eventId });
    this.markFinished();
  }

  private complete(message: ServerMessage): void {
    this.emit(message, true);
    this.markFinished();
  }

  private markFinished(): void {
    this.state = 'finished';
    this.context.activeRuns.delete(this);
    this.session.runs.delete(this.eventId);
  }
}
