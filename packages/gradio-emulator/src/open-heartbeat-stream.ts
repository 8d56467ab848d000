import type { ServerResponse } from 'node:http';
import { encodeJson, heartbeatMessage } from '@switchboard/gradio/wire';
import type { EmulatorContext } from './emulator-context.js';
import { startEventStream, writeEvent } from './sse-response.js';

/** GET `heartbeat/{session_hash}`: the browser's keep-alive stream, heartbeats only. */
export function openHeartbeatStream(context: EmulatorContext, response: ServerResponse): void {
  startEventStream(response);
  const payload = encodeJson(heartbeatMessage(context.profile), context.profile.jsonStyle);
  const timer = setInterval(() => writeEvent(response, payload), context.options.heartbeatIntervalMs);
  const stoppable = {
    stop: () => {
      clearInterval(timer);
      if (!response.destroyed) response.destroy();
    },
  };
  context.liveStreams.add(stoppable);
  response.on('close', () => {
    clearInterval(timer);
    context.liveStreams.delete(stoppable);
  });
}
