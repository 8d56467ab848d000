/** The four edit operations of Gradio's output diffs. */
export type DiffOperation = 'replace' | 'append' | 'add' | 'delete';

/** A path from an output value's root: list indices (numbers) and dict keys (strings). `[]` is the root. */
export type DiffPath = (string | number)[];

/** One edit of a Gradio diff, as sent on the wire: `[operation, path, value]`. */
export type DiffEdit = [op: DiffOperation, path: DiffPath, value: unknown];

/** The event is waiting in the queue. Sent on join and whenever a job ahead of it starts. */
export interface GradioQueuedEvent {
  type: 'queued';
  /** 0-based position in the queue, when the server knows it. */
  rank: number | null;
  queueSize: number | null;
  etaSeconds: number | null;
}

/** A worker picked the event up. `etaSeconds` is the server's average run time, when known. */
export interface GradioStartedEvent {
  type: 'started';
  etaSeconds: number | null;
}

/** The server is alive. Carries no data; useful to reset idle timers while queued or generating. */
export interface GradioHeartbeatEvent {
  type: 'heartbeat';
}

/**
 * One intermediate yield of a generator function.
 *
 * `values` holds the full current value of every output, with diffs applied. The array and
 * the values inside it are updated in place by later messages: copy what you keep.
 *
 * `edits` holds, per output index, the edits just applied to reach `values` (an empty list
 * means that output did not change). It is `null` when the message carried full values (the
 * first output of an event, `sse_v1` servers, `simpleFormat`). An `append` at a path is
 * exactly the text added there, so a consumer can stream a growing text without comparing it.
 */
export interface GradioOutputEvent {
  type: 'output';
  values: unknown[];
  isGenerating: boolean;
  edits: DiffEdit[][] | null;
}

/**
 * The event finished. `values` are the server's authoritative final values. `cancelled` is
 * true when the completion carried no values (the event was cancelled); `values` are then
 * the last ones streamed, or `[]` when nothing was.
 */
export interface GradioCompletedEvent {
  type: 'completed';
  values: unknown[];
  cancelled: boolean;
}

/** What `GradioSpace.submit` yields for one queued event, in arrival order; `completed` is last. */
export type GradioEvent = GradioQueuedEvent | GradioStartedEvent | GradioHeartbeatEvent | GradioOutputEvent | GradioCompletedEvent;
