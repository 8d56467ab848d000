import type { ServerResponse } from 'node:http';
import { frameEvent } from '@switchboard/gradio/wire';

/** Starts an event-stream body the way Starlette does. */
export function startEventStream(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  response.flushHeaders();
}

/** Writes one message framed by {@link frameEvent}. False once the response is gone. */
export function writeEvent(response: ServerResponse, payload: string): boolean {
  if (response.destroyed || response.writableEnded) return false;
  response.write(frameEvent(payload));
  return true;
}
