import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorContext, type EmulatorContext } from './emulator-context.js';
import type { GradioEmulator, GradioEmulatorOptions, RecordedRequest } from './emulator-options.js';
import { protocolProfileFor } from './protocol-profile.js';
import { resolveEmulatorOptions } from './resolve-emulator-options.js';
import { routeRequest } from './route-request.js';

class RunningGradioEmulator implements GradioEmulator {
  readonly requests: RecordedRequest[] = [];
  private closing: Promise<void> | undefined;

  constructor(
    readonly url: string,
    private readonly server: Server,
    private readonly context: EmulatorContext,
  ) {}

  get openStreams(): number {
    return this.context.streams.open;
  }

  get closedStreams(): number {
    return this.context.streams.closed;
  }

  waitForStreamClose(): Promise<void> {
    return this.context.streams.waitForClose();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.context.closed = true;
      for (const session of this.context.sessions.values()) session.cancelAll();
      for (const run of this.context.activeRuns) run.cancel();
      for (const stream of this.context.liveStreams) stream.stop();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }
}

/**
 * Starts an HTTP server on 127.0.0.1 (random port) serving `options.app` over Gradio's queue
 * protocol, in the protocol generation of `options.version`. The official `@gradio/client`
 * can connect to its `url`.
 */
export async function startGradioEmulator(options: GradioEmulatorOptions): Promise<GradioEmulator> {
  const context = createEmulatorContext(protocolProfileFor(options.version ?? '4.36'), resolveEmulatorOptions(options));
  let emulator: RunningGradioEmulator | undefined;
  const server = createServer((request, response) => {
    if (!emulator || context.closed) {
      response.destroy();
      return;
    }
    routeRequest(context, emulator.requests, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  emulator = new RunningGradioEmulator(`http://127.0.0.1:${port}`, server, context);
  return emulator;
}
