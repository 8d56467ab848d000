import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from './emulator-context.js';
import type { EmulatorFault } from './emulator-options.js';
import { EmulatorSession } from './emulator-session.js';
import { EventRun } from './event-run.js';
import { jsonReply, textReply, type HttpReply } from './http-reply.js';
import type { RequestBody } from './read-request-body.js';

const defaultQueueFullSize = 10;

function validationError(type: string, location: (string | number)[], message: string, input: unknown): HttpReply {
  return jsonReply(422, { detail: [{ type, loc: location, msg: message, input }] });
}

function joinStatusReply(fault: Extract<EmulatorFault, { kind: 'join-status' }>): HttpReply {
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  const body = fault.body ?? (fault.status >= 500 ? 'Internal Server Error' : `Error ${fault.status}`);
  const looksLikeJson = /^\s*[[{]/.test(body);
  return looksLikeJson
    ? { status: fault.status, headers: { 'content-type': 'application/json', ...headers }, body }
    : textReply(fault.status, body, headers);
}

function queueFull(maxSize: number, size: number): HttpReply {
  return jsonReply(503, { detail: `Queue is full. Max size is ${maxSize} and size is ${size}.` });
}

/** POST `queue/join`: validates like FastAPI + Gradio, applies join faults, then queues the event. */
export function handleJoin(context: EmulatorContext, body: RequestBody): HttpReply {
  const fault = context.options.faultFor(context.joinCount++);
  if (fault?.kind === 'join-status') return joinStatusReply(fault);
  if (!body.isJson) {
    return jsonReply(422, {
      detail: [
        { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } },
      ],
    });
  }
  const payload = body.value;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    const message = 'Input should be a valid dictionary or object to extract fields from';
    return validationError('model_attributes_type', ['body'], message, payload);
  }
  const request = payload as Record<string, unknown>;
  if (!('data' in request)) return validationError('missing', ['body', 'data'], 'Field required', request);
  if (!Array.isArray(request.data)) {
    return validationError('list_type', ['body', 'data'], 'Input should be a valid list', request.data);
  }
  const sessionHash = request.session_hash;
  if (sessionHash === undefined || sessionHash === null) return jsonReply(400, { detail: 'Session hash not found.' });
  if (typeof sessionHash !== 'string') {
    return validationError('string_type', ['body', 'session_hash'], 'Input should be a valid string', sessionHash);
  }
  const fnIndex = request.fn_index;
  if (fnIndex === undefined || fnIndex === null) return jsonReply(400, { detail: 'No function index provided.' });
  if (typeof fnIndex !== 'number' || !Number.isInteger(fnIndex)) {
    return validationError('int_type', ['body', 'fn_index'], 'Input should be a valid integer', fnIndex);
  }
  if (!context.options.app.functions[fnIndex]) return textReply(500, 'Internal Server Error');
  if (fault?.kind === 'queue-full') {
    const size = context.options.maxQueueSize ?? defaultQueueFullSize;
    return queueFull(size, size);
  }
  const { maxQueueSize } = context.options;
  if (maxQueueSize !== undefined && context.activeRuns.size >= maxQueueSize) {
    return queueFull(maxQueueSize, context.activeRuns.size);
  }

  let session = context.sessions.get(sessionHash);
  if (!session) {
    session = new EmulatorSession(sessionHash);
    context.sessions.set(sessionHash, session);
  }
  const simpleFormat = request.simple_format === true && context.profile.protocol !== 'sse_v1';
  const eventId = randomUUID().replaceAll('-', '');
  new EventRun(context, session, { eventId, fnIndex, data: request.data, simpleFormat, fault }).start();
  return jsonReply(200, { event_id: eventId });
}
