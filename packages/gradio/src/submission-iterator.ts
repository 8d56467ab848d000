import { AbortError, StreamTruncatedError, SwitchboardError } from '@switchboard/core';
import type { EventMessageHandler } from './event-message-handler.js';
import type { EventStream } from './event-stream.js';
import type { GradioEvent } from './gradio-event.js';
import { redactUrl } from './space-http-client.js';
import { checkSubmitRequest, joinUrlOf, openSubmission, type SubmitContext } from './open-submission.js';
import type { SubmitRequest } from './submit-request.js';

type Step = IteratorResult<GradioEvent, undefined>;

const finished: Step = Object.freeze({ done: true, value: undefined });

/**
 * The events of one submission as an `AsyncGenerator`, written by hand so that an event
 * already on hand costs one resolved promise: long answers arrive as hundreds of messages
 * per network chunk. Messages are handled one per `next()`, so values handed out are not
 * changed before the consumer asks for the next event. Calls are served in order, like a
 * generator's; `return()` and `throw()` close the connection at once, even while a
 * `next()` is waiting for data.
 */
export class SubmissionIterator implements AsyncGenerator<GradioEvent, undefined> {
  readonly #context: SubmitContext;
  readonly #request: SubmitRequest;
  readonly #controller = new AbortController();
  readonly #forwardAbort: () => void;
  #state: 'new' | 'streaming' | 'done' = 'new';
  #stream: EventStream | null = null;
  #handler: EventMessageHandler | null = null;
  #messages: string[] = [];
  #position = 0;
  #pending: Promise<Step> | null = null;

  constructor(context: SubmitContext, request: SubmitRequest) {
    checkSubmitRequest(request);
    this.#context = context;
    this.#request = request;
    this.#forwardAbort = () => this.#controller.abort(request.signal?.reason);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Step> {
    if (this.#pending !== null) return this.#pending.then(() => this.next(), () => this.next());
    if (this.#state === 'done') return Promise.resolve(finished);
    if (this.#state === 'streaming') {
      try {
        const step = this.#take();
        if (step !== null) return Promise.resolve(step);
      } catch (error) {
        return Promise.reject(this.#fail(error));
      }
    }
    const pending = this.#advance();
    this.#pending = pending;
    const clear = () => {
      if (this.#pending === pending) this.#pending = null;
    };
    pending.then(clear, clear);
    return pending;
  }

  return(): Promise<Step> {
    this.#finish();
    return Promise.resolve(finished);
  }

  throw(error: unknown): Promise<Step> {
    this.#finish();
    return Promise.reject(error);
  }

  /** The next event among the messages on hand, or null when they are used up. Throws typed errors. */
  #take(): Step | null {
    const signal = this.#request.signal;
    if (signal?.aborted) throw new AbortError(signal.reason);
    const handler = this.#handler!;
    while (this.#position < this.#messages.length) {
      const event = handler.handle(this.#messages[this.#position++]!);
      if (event === null) continue;
      if (event.type === 'completed') this.#finish();
      return { done: false, value: event };
    }
    return null;
  }

  async #advance(): Promise<Step> {
    try {
      if (this.#state === 'new') await this.#start();
      for (;;) {
        if (this.#isDone()) return finished;
        const step = this.#take();
        if (step !== null) return step;
        const messages = await this.#stream!.read();
        if (this.#isDone()) return finished;
        if (messages === null) throw this.#endedEarly();
        this.#messages = messages;
        this.#position = 0;
      }
    } catch (error) {
      if (this.#isDone() && !this.#request.signal?.aborted) return finished;
      throw this.#fail(error);
    }
  }

  async #start(): Promise<void> {
    const signal = this.#request.signal;
    if (signal?.aborted) throw new AbortError(signal.reason, { url: redactUrl(joinUrlOf(this.#context)) });
    signal?.addEventListener('abort', this.#forwardAbort, { once: true });
    this.#state = 'streaming';
    const { stream, handler } = await openSubmission(this.#context, this.#request, this.#controller.signal);
    this.#stream = stream;
    this.#handler = handler;
    if (this.#isDone()) stream.close();
  }

  /** Whether the iteration ended; a method, so that it is read again after each await. */
  #isDone(): boolean {
    return this.#state === 'done';
  }

  /** Ends the iteration: closes the connection and stops listening to the caller's signal. */
  #finish(): void {
    if (this.#state === 'done') return;
    this.#state = 'done';
    this.#request.signal?.removeEventListener('abort', this.#forwardAbort);
    this.#stream?.close();
    if (this.#stream === null) this.#controller.abort();
  }

  #endedEarly(): StreamTruncatedError {
    return new StreamTruncatedError('the server ended the stream before the event completed', {
      url: this.#stream?.url,
      partialOutput: this.#handler?.values ?? undefined,
    });
  }

  /**
   * Ends the iteration. The typed errors of the transport and of the message handler come
   * with their context; the diff and SSE helpers know neither the URL nor the output, so
   * their errors get it here.
   */
  #fail(error: unknown): unknown {
    const signal = this.#request.signal;
    const url = this.#stream?.url;
    const partialOutput = this.#handler?.values ?? undefined;
    this.#finish();
    if (signal?.aborted && !AbortError.isInstance(error)) return new AbortError(signal.reason, { url, partialOutput, cause: error });
    if (!SwitchboardError.isInstance(error)) return error;
    error.url ??= url;
    error.partialOutput ??= partialOutput;
    return error;
  }
}
