import { SwitchboardError, type SwitchboardErrorOptions } from './switchboard-error.js';

/** Which clock ran out. */
export type TimeoutPhase = 'connect' | 'firstToken' | 'queue' | 'idle' | 'total';

const phaseDescriptions: Record<TimeoutPhase, string> = {
  connect: 'waiting for the upstream to accept the request',
  firstToken: 'waiting for the first token',
  queue: 'waiting in the upstream queue',
  idle: 'waiting for the next part of the answer',
  total: 'for the whole request',
};

/** A time limit ran out. `phase` names which one; `timeoutMs` is the limit that applied. */
export class TimeoutError extends SwitchboardError {
  static override readonly code = 'TIMEOUT';
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;

  constructor(phase: TimeoutPhase, timeoutMs: number, options: SwitchboardErrorOptions = {}) {
    super(`Timed out after ${timeoutMs} ms ${phaseDescriptions[phase]} (${phase} timeout).`, {
      ...options,
      retryable: options.retryable ?? phase !== 'total',
    });
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}
