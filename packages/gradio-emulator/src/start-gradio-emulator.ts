import { listenOnLoopback, type LoopbackServer } from '@switchboard/testing';
import { createEmulatorContext, type EmulatorContext } from './emulator-context.js';
import type { GradioEmulator, GradioEmulatorOptions, RecordedRequest } from './emulator-options.js';
import { protocolProfileFor } from './protocol-profile.js';
import { resolveEmulatorOptions } from './resolve-emulator-options.js';
import { routeRequest } from './route-request.js';

class RunningGradioEmulator implements GradioEmulator {
  readonly url: string;

  constructor(
    readonly requests: RecordedRequest[],
    private readonly server: LoopbackServer,
    private readonly context: EmulatorContext,
  ) {
    this.url = server.url;
  }

  get openStreams(): number {
    return this.context.streams.open;
  }

  get closedStreams(): number {
    return this.context.streams.closed;
  }

  waitForStreamClose(): Promise<void> {
    return this.context.streams.nextClose();
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/**
 * Starts an HTTP server on 127.0.0.1 (random port) serving `options.app` over Gradio's queue
 * protocol, in the protocol generation of `options.version`. The official `@gradio/client`
 * can connect to its `url`.
 */
export async function startGradioEmulator(options: GradioEmulatorOptions): Promise<GradioEmulator> {
  const context = createEmulatorContext(protocolProfileFor(options.version ?? '4.36'), resolveEmulatorOptions(options));
  const requests: RecordedRequest[] = [];
  const server = await listenOnLoopback((request, response) => routeRequest(context, requests, request, response), {
    onClose: () => stopEverything(context),
  });
  return new RunningGradioEmulator(requests, server, context);
}

/** Cancels every queued or running event and ends every open data stream, with their timers. */
function stopEverything(context: EmulatorContext): void {
  for (const session of context.sessions.values()) session.cancelAll();
  for (const run of context.activeRuns) run.cancel();
  for (const stream of context.liveStreams) stream.stop();
}
