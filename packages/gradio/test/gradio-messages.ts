import * as wire from '../src/wire/index.js';

/**
 * Short builders for scripted data streams: the messages of a Gradio 4.44 server (render
 * fields, `event_id: null` on stream-level messages, no Gradio 5 fields), made with the wire
 * kit's builders, with fixed timings and queue defaults.
 */
const format = wire.serverMessageFormat('4.44.1');
const timing = { duration: 0.06, averageDuration: 0.07 };

export const estimation = (eventId: string, rank: number | null = 0, queueSize = 1, rankEta: number | null = 1.5) =>
  wire.estimationMessage(eventId, rank, queueSize, rankEta);

export const processStarts = (eventId: string, eta: number | null = 2.5) => wire.processStartsMessage(eventId, eta);

export const generating = (eventId: string, data: unknown[]) =>
  wire.processGeneratingMessage(format, eventId, wire.successOutput(format, data, true, timing));

export const completed = (eventId: string, data: unknown[]) =>
  wire.processCompletedMessage(format, eventId, wire.successOutput(format, data, false, timing), true);

/** A cancelled event: completed with an empty output. */
export const cancelled = (eventId: string) => wire.processCompletedMessage(format, eventId, {}, true);

/** A failed event; `error` is sent as given (`null` for a hidden error, `"'text'"` for a quoted `gr.Error`). */
export const failed = (eventId: string, error: string | null) => wire.processCompletedMessage(format, eventId, { error }, false);

export const heartbeat = () => wire.heartbeatMessage(format);

export const closeStream = () => wire.closeStreamMessage(format);

export const unexpectedError = (message: string) => wire.unexpectedErrorMessage(format, message);
