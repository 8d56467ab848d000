import type { EventSourceMessage } from 'eventsource-parser';

const space = 0x20;

/**
 * Collects the fields of one server-sent event, line by line, with the field rules of
 * eventsource-parser: `data` lines are joined with `\n`, an empty `event` means none, an
 * `id` containing NUL is ignored, `retry` and unknown fields change nothing. An event is
 * dispatched only when it had at least one `data` line.
 */
export class SseEventBuilder {
  #data = '';
  #dataLines = 0;
  #event: string | undefined;
  #id: string | undefined;

  /** A `data` field's value. */
  data(value: string): void {
    this.#data = this.#dataLines === 0 ? value : `${this.#data}\n${value}`;
    this.#dataLines++;
  }

  /** An `event` field's value. */
  event(value: string): void {
    this.#event = value === '' ? undefined : value;
  }

  /** An `id` field's value. */
  id(value: string): void {
    if (!value.includes('\0')) this.#id = value;
  }

  /** Any other non-blank, non-comment line: `name`, or `name:value` with one optional space after the colon. */
  line(line: string): void {
    const separator = line.indexOf(':');
    const name = separator === -1 ? line : line.slice(0, separator);
    const value = separator === -1 ? '' : line.slice(separator + (line.charCodeAt(separator + 1) === space ? 2 : 1));
    if (name === 'data') this.data(value);
    else if (name === 'event') this.event(value);
    else if (name === 'id') this.id(value);
  }

  /** A blank line: adds the event to `events` when it had data, and starts the next one. */
  dispatch(events: EventSourceMessage[]): void {
    if (this.#dataLines > 0) events.push({ id: this.#id, event: this.#event, data: this.#data });
    this.reset();
  }

  /** Forgets the fields collected so far. */
  reset(): void {
    this.#data = '';
    this.#dataLines = 0;
    this.#event = undefined;
    this.#id = undefined;
  }
}
