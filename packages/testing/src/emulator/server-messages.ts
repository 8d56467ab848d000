import type { ProtocolProfile } from './protocol-profile.js';
import { PythonFloat } from './python-float.js';
import { pythonStringRepr } from './python-string-repr.js';

/** A message object whose key order is the wire order. */
export type ServerMessage = Record<string, unknown>;

/** Seconds, as the server measures them. */
export interface OutputTiming {
  duration: number;
  averageDuration: number;
}

/** The `output` of a successful generating or completed message. */
export function successOutput(
  profile: ProtocolProfile,
  data: unknown[],
  isGenerating: boolean,
  timing: OutputTiming,
): ServerMessage {
  const output: ServerMessage = {
    data,
    is_generating: isGenerating,
    duration: new PythonFloat(timing.duration),
    average_duration: new PythonFloat(timing.averageDuration),
  };
  if (profile.renderFields) {
    output.render_config = null;
    output.changed_state_ids = [];
  }
  return output;
}

/**
 * The `output` of a failed completion. `appMessage` is the text of an app-raised `gr.Error`;
 * `null` stands for a hidden exception (the Space runs without `show_error`).
 */
export function errorOutput(
  profile: ProtocolProfile,
  appMessage: string | null,
  hiddenText: string | null = null,
): ServerMessage {
  if (appMessage === null) return { error: hiddenText };
  if (profile.quotesErrorMessages) return { error: pythonStringRepr(appMessage) };
  return { error: appMessage, duration: null, visible: true, title: 'Error' };
}

function optionalFloat(value: number | null): PythonFloat | null {
  return value === null ? null : new PythonFloat(value);
}

export function estimationMessage(
  eventId: string | null,
  rank: number | null,
  queueSize: number,
  rankEta: number | null,
): ServerMessage {
  return { msg: 'estimation', event_id: eventId, rank, queue_size: queueSize, rank_eta: optionalFloat(rankEta) };
}

export function processStartsMessage(eventId: string, eta: number | null): ServerMessage {
  return { msg: 'process_starts', event_id: eventId, eta: optionalFloat(eta) };
}

export function processGeneratingMessage(
  profile: ProtocolProfile,
  eventId: string,
  output: ServerMessage,
): ServerMessage {
  const message: ServerMessage = { msg: 'process_generating', event_id: eventId, output, success: true };
  if (profile.generatingTimeLimit) message.time_limit = null;
  return message;
}

export function processCompletedMessage(
  profile: ProtocolProfile,
  eventId: string,
  output: ServerMessage,
  success: boolean,
): ServerMessage {
  const message: ServerMessage = { msg: 'process_completed', event_id: eventId, output, success };
  if (profile.completedTitle) message.title = null;
  return message;
}

export function logMessage(eventId: string, log: string, level: 'info' | 'warning'): ServerMessage {
  return { msg: 'log', event_id: eventId, log, level };
}

export function heartbeatMessage(profile: ProtocolProfile): ServerMessage {
  return profile.nullStreamEventIds ? { msg: 'heartbeat', event_id: null } : { msg: 'heartbeat' };
}

export function closeStreamMessage(profile: ProtocolProfile): ServerMessage {
  return profile.nullStreamEventIds ? { msg: 'close_stream', event_id: null } : { msg: 'close_stream' };
}

export function unexpectedErrorMessage(profile: ProtocolProfile, text: string): ServerMessage {
  if (profile.nullStreamEventIds) return { msg: 'unexpected_error', event_id: null, message: text, success: false };
  if (profile.typedMessages) return { msg: 'unexpected_error', message: text, success: false };
  return { msg: 'unexpected_error', message: text };
}
