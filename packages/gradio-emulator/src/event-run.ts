import { performance } from 'node:perf_hooks';
import {
  computeDiff,
  encodeJson,
  errorOutput,
  estimationMessage,
  processCompletedMessage,
  processGeneratingMessage,
  processStartsMessage,
  successOutput,
  unexpectedErrorMessage,
  type ServerMessage,
} from '@switchboard/gradio/wire';
import { callAppFunction } from './call-app-function.js';
import { waitUnlessAborted } from '@switchboard/testing';
import { recordDuration, type EmulatorContext } from './emulator-context.js';
import type { EmulatorFault } from './emulator-options.js';
import type { EmulatorSession } from './emulator-session.js';

/** A join accepted by the queue. */
export interface JoinedEvent {
  eventId: string;
  fnIndex: number;
  data: unknown[];
  /** `simple_format: true` on join: full values in every generating message. */
  simpleFormat: boolean;
  fault: EmulatorFault | undefined;
}

type StreamFault = Exclude<EmulatorFault, { kind: 'queue-full' } | { kind: 'join-status' }>;

function streamFault(fault: EmulatorFault | undefined): StreamFault | undefined {
  return fault && fault.kind !== 'queue-full' && fault.kind !== 'join-status' ? fault : undefined;
}

/** One queued event: waits in the queue, runs the app function and emits its messages. */
export class EventRun {
  state: 'queued' | 'running' | 'finished' = 'queued';
  private readonly abortController = new AbortController();
  private stepStartedAt = 0;
  /** `process_generating` messages sent so far. */
  private stepsSent = 0;

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
      if (!(await waitUnlessAborted(pause, signal))) return;
      const rank = Math.max(0, queue.rank - update);
      const remaining = (queue.updates + 1 - update) / (queue.updates + 1);
      const eta = queue.etaSeconds === null ? null : queue.etaSeconds * remaining;
      this.emit(estimationMessage(this.eventId, rank, Math.max(1, queue.queueSize - (queue.rank - rank)), eta));
    }
    if (!(await waitUnlessAborted(pause, signal))) return;
    this.state = 'running';
    this.emit(processStartsMessage(this.eventId, queue.etaSeconds));
    this.stepStartedAt = performance.now();
    try {
      await this.generate(signal);
    } catch {
      this.failHidden();
    }
  }

  /** An exception in the app: hidden, as for an app launched without `show_error`. */
  private failHidden(): void {
    if (this.state === 'finished') return;
    const { profile } = this.context;
    // sse_v1 servers report a hidden error raised after the first yield as the text "None".
    const hiddenText = profile.lateHiddenErrorIsNone && this.stepsSent > 0 ? 'None' : null;
    this.complete(processCompletedMessage(profile, this.eventId, errorOutput(profile, null, hiddenText), false));
  }

  private async generate(signal: AbortSignal): Promise<void> {
    const { profile, options } = this.context;
    const { fnIndex, data } = this.event;
    const fn = options.app.functions[fnIndex]!;
    if (data.length !== fn.inputs.length) throw new TypeError(`function ${fnIndex} takes ${fn.inputs.length} inputs`);
    const fault = streamFault(this.event.fault);
    const faultAt = fault ? Math.max(0, fault.afterTokens ?? 0) : -1;
    const fullValues = !profile.sendsDiffs || this.event.simpleFormat;
    const steps = callAppFunction(fn, data, { signal, fnIndex });
    let previousValues: readonly unknown[] | undefined;
    let returnedValues: readonly unknown[] | undefined;
    let lastOutput: ServerMessage | undefined;
    try {
      for (;;) {
        if (!(await waitUnlessAborted(options.tokenDelayMs, signal))) return;
        const step = await steps.next();
        if (signal.aborted) return;
        if (step.done) {
          returnedValues = step.value;
          break;
        }
        const { values, edits } = step.value;
        const wireData =
          fullValues || !previousValues
            ? values
            : (edits ?? values.map((value, index) => computeDiff(previousValues?.[index], value, { originalDeleteIndices: true })));
        const output = successOutput(profile, wireData, true, this.stepTiming());
        const message = processGeneratingMessage(profile, this.eventId, output);
        if (fault && this.stepsSent === faultAt && this.injectFault(fault, message)) return;
        this.emit(message);
        previousValues = values;
        lastOutput = output;
        this.stepsSent++;
      }
    } finally {
      void steps.return(undefined).catch(() => undefined);
    }
    const finalValues = previousValues ?? returnedValues ?? fn.outputs.map(() => null);
    const completion =
      profile.completionRepeatsLastOutput && lastOutput
        ? processCompletedMessage(profile, this.eventId, lastOutput, true)
        : processCompletedMessage(profile, this.eventId, successOutput(profile, finalValues, false, this.stepTiming()), true);
    if (fault && this.stepsSent <= faultAt && this.injectFault(fault, completion)) return;
    this.complete(completion);
  }

  /** Applies the fault in place of `nextMessage`; true when the event produces nothing more. */
  private injectFault(fault: StreamFault, nextMessage: ServerMessage): boolean {
    const { profile } = this.context;
    switch (fault.kind) {
      case 'app-error': {
        const message = fault.message ?? null;
        // sse_v1 servers report a hidden error raised after the first yield as the text "None".
        const hiddenText = message === null && profile.lateHiddenErrorIsNone && this.stepsSent > 0 ? 'None' : null;
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
    const completesEventId = completes ? this.eventId : undefined;
    this.session.enqueue({ kind: 'message', text: this.encode(message), completesEventId });
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
