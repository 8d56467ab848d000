import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleOpenAIRequest } from './handle-openai-request.js';
import { createOpenAIEmulatorContext, type OpenAIEmulatorContext } from './openai-emulator-context.js';
import type { OpenAIEmulator, OpenAIEmulatorOptions, RecordedOpenAIRequest } from './openai-emulator-options.js';

class RunningOpenAIEmulator implements OpenAIEmulator {
  readonly requests: RecordedOpenAIRequest[] = [];
  readonly baseUrl: string;
  #closing: Promise<void> | undefined;

  constructor(
    readonly url: string,
    private readonly server: Server,
    private readonly context: OpenAIEmulatorContext,
  ) {
    this.baseUrl = `${url}/v1`;
  }

  get chatRequests(): number {
    return this.context.chatRequests;
  }

  get openStreams(): number {
    return this.context.streams.open;
  }

  get closedStreams(): number {
    return this.context.streams.closed;
  }

  get streamsClosedByClient(): number {
    return this.context.streamsClosedByClient;
  }

  waitForStreamClose(): Promise<void> {
    return this.context.streams.nextClose();
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.context.closing.abort();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.#closing;
  }
}

/**
 * Starts an OpenAI-compatible server on 127.0.0.1 (random port): `POST /v1/chat/completions`
 * (streamed or not) and `GET /v1/models`, with the quirks and faults real servers show
 * (see {@link OpenAIEmulatorOptions}). The official `openai` client can talk to its `baseUrl`.
 */
export async function startOpenAIEmulator(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  const context = createOpenAIEmulatorContext(options);
  let emulator: RunningOpenAIEmulator | undefined;
  const server = createServer((request, response) => {
    if (emulator === undefined || context.closing.signal.aborted) {
      response.destroy();
      return;
    }
    handleOpenAIRequest(context, emulator.requests, request, response).catch(() => {
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
  emulator = new RunningOpenAIEmulator(`http://127.0.0.1:${port}`, server, context);
  return emulator;
}
