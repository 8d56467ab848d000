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

/** Resolves when the response can take more data, or when it closed. */
export function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
