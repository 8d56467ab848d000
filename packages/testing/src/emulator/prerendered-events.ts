/** The bytes of one event's messages, exactly as a data stream writes them. */
export interface PrerenderedEvent {
  readonly eventId: string;
  /** Every message of the event, each framed as `data: <json>\n\n`, from the first estimation to the completion. */
  readonly body: Buffer;
}

/** The inputs of a join, which decide what its event streams. */
export interface PrerenderInputs {
  fnIndex: number;
  data: unknown[];
  simpleFormat: boolean;
}

/** Events rendered once for the `prerender` serving mode, by the inputs of the join that rendered them. */
export class PrerenderedEvents {
  private readonly events = new Map<string, PrerenderedEvent>();

  /** The key under which the event of a join with these inputs is kept. */
  keyOf(inputs: PrerenderInputs): string {
    return JSON.stringify([inputs.fnIndex, inputs.simpleFormat, inputs.data]);
  }

  get(key: string): PrerenderedEvent | undefined {
    return this.events.get(key);
  }

  /** Keeps `event` unless one is already kept under `key`. */
  add(key: string, event: PrerenderedEvent): void {
    if (!this.events.has(key)) this.events.set(key, event);
  }
}
