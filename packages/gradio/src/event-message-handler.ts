import { GradioAppError, ProtocolError, StreamTruncatedError } from '@switchboard/core';
import { applyEdits, type ListDeleteMode } from './apply-diff.js';
import { AppendTemplate } from './append-template.js';
import { EditJournal } from './edit-journal.js';
import { GrowingText } from './growing-text.js';
import type { DiffEdit, GradioCompletedEvent, GradioEvent, GradioOutputEvent } from './gradio-event.js';

/** How the server encodes outputs, from its config and the join request. */
export interface MessageFormat {
  /** `process_generating` after the first carries diffs (`sse_v2`+, without `simple_format`). */
  usesDiffs: boolean;
  listDeleteMode: ListDeleteMode;
  /** Servers before 5.2 send a hidden error raised after the first yield as the string "None". */
  noneMeansHidden: boolean;
}

type Message = Record<string, unknown>;

/**
 * Turns the data-stream messages of one session into the events of one queued event
 * (`eventId`): other events' messages are ignored, diffs are applied in place to the
 * output values, failures become typed errors. `values` holds the last good output values.
 * A diff message that appends to one output teaches it an {@link AppendTemplate}, which
 * reads the next messages of that shape without a full parse.
 */
export class EventMessageHandler {
  /** The current output values, or null before the first output. */
  values: unknown[] | null = null;

  readonly #eventId: string;
  readonly #format: MessageFormat;
  readonly #url: string | undefined;
  #template: AppendTemplate | null = null;
  readonly #growingText = new GrowingText();
  readonly #concat = (text: string, piece: string) => this.#growingText.concat(text, piece);

  /** `url` is the data stream's URL (without its query), given to the errors thrown. */
  constructor(eventId: string, format: MessageFormat, url?: string) {
    this.#eventId = eventId;
    this.#format = format;
    this.#url = url;
  }

  /** The event for one message's data, or null when the message is not for the caller. Throws typed errors. */
  handle(data: string): GradioEvent | null {
    const template = this.#template;
    if (template !== null) {
      const appended = template.match(data);
      if (appended !== undefined) return this.#appended(template, appended);
    }
    const message = this.#parse(data);
    const type = message.msg;
    if (type === 'heartbeat') return { type: 'heartbeat' };
    if (type === 'close_stream') {
      throw new StreamTruncatedError('the server closed the stream (close_stream) before the event completed', this.#errorContext());
    }
    if (type === 'unexpected_error') {
      if (typeof message.event_id === 'string' && message.event_id !== this.#eventId) return null;
      const text = typeof message.message === 'string' ? message.message : null;
      throw new GradioAppError(text, { kind: 'unexpected-error', ...this.#errorContext() });
    }
    if (message.event_id !== this.#eventId) return null;
    switch (type) {
      case 'estimation':
        return {
          type: 'queued',
          rank: numberOrNull(message.rank),
          queueSize: numberOrNull(message.queue_size),
          etaSeconds: numberOrNull(message.rank_eta),
        };
      case 'process_starts':
        return { type: 'started', etaSeconds: numberOrNull(message.eta) };
      case 'process_generating':
        return this.#output(message, data);
      case 'process_completed':
        return this.#completed(message);
      default:
        return null;
    }
  }

  /** The context every error of this event carries: the stream's URL and the last good output values. */
  #errorContext(): { url?: string; partialOutput?: readonly unknown[] } {
    return { url: this.#url, partialOutput: this.values ?? undefined };
  }

  #parse(data: string): Message {
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch (error) {
      throw new ProtocolError(`an SSE message is not valid JSON: ${JSON.stringify(data.slice(0, 80))}`, { ...this.#errorContext(), cause: error });
    }
    if (!isDict(message)) throw new ProtocolError('an SSE message is not a JSON object', this.#errorContext());
    if (typeof message.msg !== 'string') throw new ProtocolError('an SSE message has no msg field', this.#errorContext());
    return message;
  }

  #appended(template: AppendTemplate, appended: string): GradioOutputEvent {
    const values = this.values!;
    const diffs = template.diffsFor(appended);
    this.#applyDiffs(values, diffs);
    return { type: 'output', values, isGenerating: template.isGenerating, edits: diffs };
  }

  #output(message: Message, text: string): GradioOutputEvent {
    const output = message.output;
    if (!isDict(output)) throw new ProtocolError('a process_generating message has no output object', this.#errorContext());
    const data = output.data;
    if (!Array.isArray(data)) throw new ProtocolError('a process_generating output has no data list', this.#errorContext());
    const isGenerating = output.is_generating !== false;
    if (this.values === null || !this.#format.usesDiffs) {
      this.values = data;
      return { type: 'output', values: data, isGenerating, edits: null };
    }
    this.#applyDiffs(this.values, data);
    this.#template = AppendTemplate.learn(text, data, isGenerating);
    return { type: 'output', values: this.values, isGenerating, edits: data as DiffEdit[][] };
  }

  #applyDiffs(values: unknown[], diffs: unknown[]): void {
    if (diffs.length !== values.length) {
      throw new ProtocolError(`a diff message has ${diffs.length} outputs where the event has ${values.length}`, this.#errorContext());
    }
    let total = 0;
    for (let index = 0; index < diffs.length; index++) {
      const edits = diffs[index];
      if (!Array.isArray(edits)) throw new ProtocolError(`output ${index} of a diff message is not a list of edits`, this.#errorContext());
      total += edits.length;
    }
    const journal = total > 1 ? new EditJournal() : null;
    try {
      for (let index = 0; index < diffs.length; index++) {
        if ((diffs[index] as unknown[]).length === 0) continue;
        const next = applyEdits(values[index], diffs[index], this.#format.listDeleteMode, journal, this.#concat);
        if (next !== values[index]) {
          journal?.recordSet(values, index);
          values[index] = next;
        }
      }
    } catch (error) {
      journal?.rollback();
      throw error;
    }
  }

  #completed(message: Message): GradioCompletedEvent {
    const output = message.output;
    if (message.success === false) {
      const error = isDict(output) ? output.error : undefined;
      let text = typeof error === 'string' ? error : null;
      if (text === 'None' && this.#format.noneMeansHidden) text = null;
      throw new GradioAppError(text, { kind: 'event-failed', ...this.#errorContext() });
    }
    if (!isDict(output)) throw new ProtocolError('a process_completed message has no output object', this.#errorContext());
    if (output.data === undefined) return { type: 'completed', values: this.values ?? [], cancelled: true };
    if (!Array.isArray(output.data)) {
      throw new ProtocolError('a process_completed output has a data field that is not a list', this.#errorContext());
    }
    this.values = output.data;
    return { type: 'completed', values: output.data, cancelled: false };
  }
}

function isDict(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
