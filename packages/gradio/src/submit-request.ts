/** One call of a queued Gradio function. */
export interface SubmitRequest {
  /** Index of the function: the `id` of its entry in `config.dependencies`. */
  fnIndex: number;
  /** Id of the component that fired the event; the server only records it. Default null. */
  triggerId?: number | null;
  /** One JSON value per input component, in the dependency's `inputs` order. */
  data: unknown[];
  /** Aborting closes the connection at once and makes the iteration throw `AbortError`. */
  signal?: AbortSignal;
  /** Session to join; a fresh random one per submission when omitted (recommended). */
  sessionHash?: string;
  /** Ask for full values in every output message instead of diffs (`simple_format`, Gradio 4.20+). */
  simpleFormat?: boolean;
}
