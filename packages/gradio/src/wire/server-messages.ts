import { compareVersions } from '../compare-versions.js';
import { PythonFloat } from './python-float.js';
import { pythonStringRepr } from './python-string-repr.js';

/** A data-stream message; its key order is the order on the wire. */
export type ServerMessage = Record<string, unknown>;

/** The details in which Gradio releases shape their data-stream messages differently. */
export interface ServerMessageFormat {
  /** `heartbeat`, `close_stream` and `unexpected_error` carry `"event_id":null` (4.39+). */
  readonly nullStreamEventIds: boolean;
  /** `process_generating` carries `time_limit` (5.0+). */
  readonly generatingTimeLimit: boolean;
  /** `process_completed` carries `title` (5.2+). */
  readonly completedTitle: boolean;
  /** Outputs carry `render_config` (4.31+) and `changed_state_ids` (4.32+); both are sent together here. */
  readonly renderFields: boolean;
  /** `gr.Error` text arrives as Python repr (`'msg'`) before 5.2; after that bare, with display fields. */
  readonly quotesErrorMessages: boolean;
  /** Messages are typed models: `unexpected_error` carries `success:false` (4.22+). */
  readonly typedMessages: boolean;
}

/**
 * The message format of the Gradio release `gradioVersion` (e.g. `4.36.1`), for the fields
 * {@link ServerMessageFormat} covers. Throws `TypeError` for text that is not a version.
 */
export function serverMessageFormat(gradioVersion: string): ServerMessageFormat {
  const atLeast = (minimum: string) => compareVersions(gradioVersion, minimum) >= 0;
  return {
    nullStreamEventIds: atLeast('4.39'),
    generatingTimeLimit: atLeast('5.0'),
    completedTitle: atLeast('5.2'),
    renderFields: atLeast('4.31'),
    quotesErrorMessages: !atLeast('5.2'),
    typedMessages: atLeast('4.22'),
  };
}

/** How long a step took, in seconds, as the server measured it. */
export interface OutputTiming {
  duration: number;
  averageDuration: number;
}

/** The `output` of a successful `process_generating` or `process_completed`. */
export function successOutput(format: ServerMessageFormat, data: readonly unknown[], isGenerating: boolean, timing: OutputTiming): ServerMessage {
  const output: ServerMessage = {
    data,
    is_generating: isGenerating,
    duration: new PythonFloat(timing.duration),
    average_duration: new PythonFloat(timing.averageDuration),
  };
  if (format.renderFields) {
    output.render_config = null;
    output.changed_state_ids = [];
  }
  return output;
}

/**
 * The `output` of a failed completion. `appMessage` is the text of an app-raised `gr.Error`;
 * `null` stands for a hidden exception (an app launched without `show_error`), reported as
 * `hiddenText`.
 */
export function errorOutput(format: ServerMessageFormat, appMessage: string | null, hiddenText: string | null = null): ServerMessage {
  if (appMessage === null) return { error: hiddenText };
  if (format.quotesErrorMessages) return { error: pythonStringRepr(appMessage) };
  return { error: appMessage, duration: null, visible: true, title: 'Error' };
}

function optionalFloat(value: number | null): PythonFloat | null {
  return value === null ? null : new PythonFloat(value);
}

/** Still queued: `rank` is the 0-based position, `rankEta` the expected wait in seconds. */
export function estimationMessage(eventId: string | null, rank: number | null, queueSize: number, rankEta: number | null): ServerMessage {
  return { msg: 'estimation', event_id: eventId, rank, queue_size: queueSize, rank_eta: optionalFloat(rankEta) };
}

/** A worker picked the event up; `eta` is the average run time in seconds, when known. */
export function processStartsMessage(eventId: string, eta: number | null): ServerMessage {
  return { msg: 'process_starts', event_id: eventId, eta: optionalFloat(eta) };
}

/** One yield of a generator function. */
export function processGeneratingMessage(format: ServerMessageFormat, eventId: string, output: ServerMessage): ServerMessage {
  const message: ServerMessage = { msg: 'process_generating', event_id: eventId, output, success: true };
  if (format.generatingTimeLimit) message.time_limit = null;
  return message;
}

/** The end of an event: its final output, or an error output with `success` false. */
export function processCompletedMessage(
  format: ServerMessageFormat,
  eventId: string,
  output: ServerMessage,
  success: boolean,
): ServerMessage {
  const message: ServerMessage = { msg: 'process_completed', event_id: eventId, output, success };
  if (format.completedTitle) message.title = null;
  return message;
}

/** An app-raised toast (`gr.Info`, `gr.Warning`). */
export function logMessage(eventId: string, log: string, level: 'info' | 'warning'): ServerMessage {
  return { msg: 'log', event_id: eventId, log, level };
}

export function heartbeatMessage(format: ServerMessageFormat): ServerMessage {
  return format.nullStreamEventIds ? { msg: 'heartbeat', event_id: null } : { msg: 'heartbeat' };
}

/** No event of the session is pending any more; the body ends right after. */
export function closeStreamMessage(format: ServerMessageFormat): ServerMessage {
  return format.nullStreamEventIds ? { msg: 'close_stream', event_id: null } : { msg: 'close_stream' };
}

/** A failure of the whole stream, which ends it for every event of the session. */
export function unexpectedErrorMessage(format: ServerMessageFormat, text: string): ServerMessage {
  if (format.nullStreamEventIds) return { msg: 'unexpected_error', event_id: null, message: text, success: false };
  if (format.typedMessages) return { msg: 'unexpected_error', message: text, success: false };
  return { msg: 'unexpected_error', message: text };
}
