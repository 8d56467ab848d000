import type { EmulatorContext } from './emulator-context.js';
import { jsonReply, type HttpReply } from './http-reply.js';
import type { RequestBody } from './read-request-body.js';

/** POST `cancel`: a pending event completes with `output: {}`; the answer is always `{"success":true}`. */
export function handleCancel(context: EmulatorContext, body: RequestBody): HttpReply {
  const request =
    body.isJson && typeof body.value === 'object' && body.value !== null ? (body.value as Record<string, unknown>) : {};
  const { event_id: eventId, session_hash: sessionHash } = request;
  if (typeof eventId !== 'string' || typeof sessionHash !== 'string') {
    const detail = [{ type: 'missing', loc: ['body', 'event_id'], msg: 'Field required', input: request }];
    return jsonReply(422, { detail });
  }
  context.sessions.get(sessionHash)?.runs.get(eventId)?.cancelWithCompletion();
  return jsonReply(200, { success: true });
}
