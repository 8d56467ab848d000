import { TimeoutError, type TimeoutPhase } from '../errors/timeout-error.js';
import type { TimeoutSettings } from '../spec/chat-request.js';
import type { Clock, Scheduler } from '../spec/registry-options.js';
import type { StreamPart } from '../spec/stream-part.js';
import { isTextPart } from '../stream/apply-text-part.js';

type AttemptPhase = Exclude<TimeoutPhase, 'total'>;

const budgetKeys: Record<AttemptPhase, keyof TimeoutSettings> = {
  connect: 'connectMs',
  firstToken: 'firstTokenMs',
  queue: 'queueMs',
  idle: 'idleMs',
};

/**
 * The clocks of one attempt. `connect` runs until the first part of any kind; `firstToken`
 * until the first text part, restarted by each `queued` status part and when the request
 * leaves the queue; `queue` from the first `queued` part until the request leaves the
 * queue; `idle` between text parts once text flows. Paused while the consumer holds a part,
 * so a slow reader is never mistaken for a stalled upstream. Deadlines are read from
 * `clock`; one timer at a time runs on `scheduler`, for the earliest deadline, and its
 * firing is that deadline.
 */
export class AttemptTimer {
  readonly #timeouts: Required<TimeoutSettings>;
  readonly #onTimeout: (error: TimeoutError) => void;
  readonly #clock: Clock;
  readonly #scheduler: Scheduler;
  readonly #deadlines = new Map<AttemptPhase, number>();
  #timer: unknown;
  #pausedAt: number | undefined;
  #queued = false;
  #committed = false;

  constructor(
    timeouts: Required<TimeoutSettings>,
    onTimeout: (error: TimeoutError) => void,
    clock: Clock,
    scheduler: Scheduler,
  ) {
    this.#timeouts = timeouts;
    this.#onTimeout = onTimeout;
    this.#clock = clock;
    this.#scheduler = scheduler;
  }

  start(): void {
    this.#arm('connect');
    this.#arm('firstToken');
    this.#schedule();
  }

  /** Moves the clocks on for a part the provider just yielded. */
  observe(part: StreamPart): void {
    this.#deadlines.delete('connect');
    if (isTextPart(part) && (this.#committed || part.text !== '')) {
      this.#committed = true;
      this.#deadlines.delete('firstToken');
      this.#deadlines.delete('queue');
      this.#arm('idle');
    } else if (part.type === 'status' && !this.#committed && part.stage === 'queued') {
      if (!this.#queued) this.#arm('queue');
      this.#queued = true;
      this.#arm('firstToken');
    } else if (part.type === 'status' && !this.#committed && this.#queued) {
      this.#queued = false;
      this.#deadlines.delete('queue');
      this.#arm('firstToken');
    }
    this.#schedule();
  }

  pause(): void {
    this.#clearTimer();
    this.#pausedAt = this.#clock.now();
  }

  resume(): void {
    if (this.#pausedAt === undefined) return;
    const pausedFor = this.#clock.now() - this.#pausedAt;
    this.#pausedAt = undefined;
    for (const [phase, deadline] of this.#deadlines) this.#deadlines.set(phase, deadline + pausedFor);
    this.#schedule();
  }

  stop(): void {
    this.#deadlines.clear();
    this.#clearTimer();
  }

  #arm(phase: AttemptPhase): void {
    const budget = this.#timeouts[budgetKeys[phase]];
    if (budget > 0 && Number.isFinite(budget)) this.#deadlines.set(phase, this.#clock.now() + budget);
    else this.#deadlines.delete(phase);
  }

  #schedule(): void {
    this.#clearTimer();
    if (this.#pausedAt !== undefined) return;
    const next = this.#earliest();
    if (next === undefined) return;
    const [phase, deadline] = next;
    this.#timer = this.#scheduler.setTimeout(() => this.#expire(phase), Math.max(0, deadline - this.#clock.now()));
  }

  #expire(phase: AttemptPhase): void {
    this.#timer = undefined;
    this.stop();
    this.#onTimeout(new TimeoutError(phase, this.#timeouts[budgetKeys[phase]]));
  }

  #earliest(): [AttemptPhase, number] | undefined {
    let earliest: [AttemptPhase, number] | undefined;
    for (const entry of this.#deadlines) if (earliest === undefined || entry[1] < earliest[1]) earliest = entry;
    return earliest;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
