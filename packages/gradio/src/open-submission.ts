import type { ListDeleteMode } from './apply-diff.js';
import { EventMessageHandler } from './event-message-handler.js';
import { openEventStream, type EventStream } from './event-stream.js';
import { joinQueue, type JoinPayload } from './join-queue.js';
import { createSessionHash } from './session-hash.js';
import type { SpaceConfig } from './space-config.js';
import { redactUrl, type SpaceHttpClient } from './space-http-client.js';
import type { SubmitRequest } from './submit-request.js';

/** Everything a submission needs from its Space. */
export interface SubmitContext {
  rootUrl: string;
  config: SpaceConfig;
  http: SpaceHttpClient;
  maxEventBytes: number;
  listDeleteMode: ListDeleteMode;
  noneMeansHidden: boolean;
}

/** A joined event: its session's open data stream and the handler that follows the event on it. */
export interface OpenedSubmission {
  stream: EventStream;
  handler: EventMessageHandler;
}

/** The URL of a submission's join request. */
export function joinUrlOf(context: SubmitContext): string {
  return `${context.rootUrl}${context.config.apiPrefix}/queue/join`;
}

/** Joins the queue (with a fresh session unless one is given), then opens the session's data stream. */
export async function openSubmission(
  context: SubmitContext,
  request: SubmitRequest,
  signal: AbortSignal,
): Promise<OpenedSubmission> {
  const sessionHash = request.sessionHash ?? createSessionHash();
  const payload: JoinPayload = {
    data: request.data,
    event_data: null,
    fn_index: request.fnIndex,
    trigger_id: request.triggerId ?? null,
    session_hash: sessionHash,
  };
  if (request.simpleFormat === true) payload.simple_format = true;
  const eventId = await joinQueue(context.http, joinUrlOf(context), payload, signal);
  const dataUrl = `${context.rootUrl}${context.config.apiPrefix}/queue/data?session_hash=${encodeURIComponent(sessionHash)}`;
  const format = {
    usesDiffs: context.config.usesDiffs && request.simpleFormat !== true,
    listDeleteMode: context.listDeleteMode,
    noneMeansHidden: context.noneMeansHidden,
  };
  const handler = new EventMessageHandler(eventId, format, redactUrl(dataUrl));
  const stream = await openEventStream(context.http, dataUrl, {
    maxEventBytes: context.maxEventBytes,
    signal,
    partialOutput: () => handler.values,
  });
  return { stream, handler };
}

/** Throws `TypeError` for a request that cannot be sent. */
export function checkSubmitRequest(request: SubmitRequest): void {
  if (!Number.isInteger(request.fnIndex) || request.fnIndex < 0) {
    throw new TypeError(`fnIndex must be a non-negative integer, got ${String(request.fnIndex)}`);
  }
  if (!Array.isArray(request.data)) throw new TypeError('data must be a list with one value per input component');
  if (request.sessionHash === '') throw new TypeError('sessionHash must not be empty');
}
